package org.citymaas.portal.bench;

/**
 * The CSV batch cell: one job of {@code lines} lines, timed from the start of its upload to the first poll
 * that saw it finished.
 *
 * @param status the job's last status (DONE, FAILED, or RUNNING when the bench stopped waiting)
 * @param okRows lines answered
 * @param failedRows lines refused or failed (each a non-2xx answer of its own)
 * @param seconds end to end, as the client saw it
 * @param serverSeconds from the job's {@code createdAt} to its {@code finishedAt}, NaN while unfinished
 * @param othersCpu percent of the machine's cores used by processes not of this run meanwhile
 */
record BatchResult(
        int lines,
        String status,
        long okRows,
        long failedRows,
        double seconds,
        double serverSeconds,
        double othersCpu) {

    /** Lines answered per second, end to end. */
    double linesPerSecond() {
        return okRows / seconds;
    }
}
