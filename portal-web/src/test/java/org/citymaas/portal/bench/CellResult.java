package org.citymaas.portal.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One measured cell of the table.
 *
 * @param name what was measured
 * @param concurrency clients (threads) each with one request outstanding
 * @param rowsPerRequest input rows each request carries
 * @param seconds measured seconds
 * @param latencies the 2xx answers' latencies in nanoseconds
 * @param refused how many answers of each non-2xx status (0 for an I/O error or time-out), none hidden
 * @param othersCpu percent of the machine's cores used by processes not of this run while it was measured
 * @param modelRowsRun the model rows the measured 2xx answers said they ran (explanations' {@code rows_run}),
 *     -1 when any of them did not say
 */
record CellResult(
        String name,
        int concurrency,
        int rowsPerRequest,
        double seconds,
        Histogram latencies,
        Map<Integer, Long> refused,
        double othersCpu,
        long modelRowsRun) {

    /** A cell whose answers do not say what they ran. */
    CellResult(
            String name,
            int concurrency,
            int rowsPerRequest,
            double seconds,
            Histogram latencies,
            Map<Integer, Long> refused,
            double othersCpu) {
        this(name, concurrency, rowsPerRequest, seconds, latencies, refused, othersCpu, -1);
    }

    long ok() {
        return latencies.getTotalCount();
    }

    double requestsPerSecond() {
        return ok() / seconds;
    }

    double rowsPerSecond() {
        return requestsPerSecond() * rowsPerRequest;
    }

    /**
     * Model rows run per second: what the answers said they ran, else the request rows (an inference runs the
     * rows it is given).
     */
    double modelRowsPerSecond() {
        return modelRowsRun >= 0 ? modelRowsRun / seconds : rowsPerSecond();
    }

    /** Model rows run per 2xx answer, NaN when nothing answered 2xx. */
    double modelRowsPerCall() {
        return ok() == 0 ? Double.NaN : modelRowsPerSecond() / requestsPerSecond();
    }

    /** A percentile in milliseconds, NaN when nothing answered 2xx. */
    double millis(double percentile) {
        return ok() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1e6;
    }

    long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code 0}, or e.g. {@code 12 (429: 10, io: 2)}. */
    String refusedText() {
        if (refused.isEmpty()) {
            return "0";
        }
        var parts = new StringBuilder();
        new TreeMap<>(refused)
                .forEach((status, count) -> parts.append(parts.isEmpty() ? "" : ", ")
                        .append(status == 0 ? "io" : status)
                        .append(": ")
                        .append(count));
        return refusedTotal() + " (" + parts + ")";
    }
}
