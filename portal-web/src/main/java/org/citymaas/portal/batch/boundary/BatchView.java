package org.citymaas.portal.batch.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;

/**
 * A batch job on the wire: what ran, how far it got, and (once asked for one job) its refused lines.
 *
 * @param fileName the uploaded file's name; null once the job was purged
 * @param percent lines done of all lines, in whole percent
 * @param purgedAt when retention ({@code citymaas.batch.retention}) deleted the job's lines and file name,
 *     after which its results answer 410 Gone; null until then
 * @param explain whether each line is explained too (attribution columns in its results)
 * @param failures the refused or failed lines with their line numbers, in the file's order
 */
public record BatchView(
        String id,
        String model,
        String version,
        String fileName,
        String caller,
        String status,
        int totalRows,
        int okRows,
        int failedRows,
        int percent,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant purgedAt,
        boolean explain,
        List<LineFailure> failures) {

    /**
     * A line that was refused (4xx) or failed (5xx): {@code status} is its outcome's number.
     *
     * @param errors for an invalid line, each field at fault: {@code field}, {@code rule}, {@code message}
     */
    public record LineFailure(int line, int status, String message, List<Map<String, String>> errors) {}

    public static BatchView of(BatchJob job, List<BatchLine> failures) {
        return new BatchView(
                job.id().toString(),
                job.model(),
                job.version(),
                job.fileName(),
                job.caller(),
                job.status().name(),
                job.totalRows(),
                job.okRows(),
                job.failedRows(),
                job.percent(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.purgedAt(),
                job.explain(),
                failures.stream()
                        .map(l -> new LineFailure(l.line(), l.outcome().status(), l.errorMessage(), l.errors()))
                        .toList());
    }
}
