package org.citymaas.portal.bench;

import java.time.Duration;
import java.time.Instant;

/** One CSV batch of the model's held-out rows through {@code /api/v1}, polled until it finishes. */
final class BatchCell {

    private static final Duration POLL = Duration.ofMillis(250);
    /** Tokens of the demo realm live 5 minutes: a long job's polling takes a new one now and then. */
    private static final Duration TOKEN_AGE = Duration.ofMinutes(3);

    private BatchCell() {}

    static BatchResult run(
            PortalApi api, Runnable freshToken, String model, BenchInputs inputs, int lines, long timeoutSeconds)
            throws Exception {
        var csv = inputs.csv(api.batchHeader(model), lines);
        BenchStack.step(String.format("CSV batch: %,d lines, %,d bytes", lines, csv.length()));
        var load = MachineLoad.now();
        long t0 = System.nanoTime();
        var id = api.submitBatch(model, csv);
        long deadline = t0 + timeoutSeconds * 1_000_000_000L;
        long tokenTaken = t0;
        long lastReport = t0;
        while (true) {
            var job = api.batch(id);
            var status = job.path("status").asText();
            long now = System.nanoTime();
            if ("DONE".equals(status) || "FAILED".equals(status) || now > deadline) {
                double server = Double.NaN;
                if (!job.path("finishedAt").isMissingNode()
                        && !job.path("finishedAt").isNull()) {
                    server = Duration.between(
                                            Instant.parse(job.path("createdAt").asText()),
                                            Instant.parse(job.path("finishedAt").asText()))
                                    .toMillis()
                            / 1000.0;
                }
                return new BatchResult(
                        lines,
                        status,
                        job.path("okRows").asLong(),
                        job.path("failedRows").asLong(),
                        (now - t0) / 1e9,
                        server,
                        MachineLoad.now().othersPercentSince(load));
            }
            if (now - lastReport > 10_000_000_000L) {
                BenchStack.step("CSV batch " + id + ": " + status + " "
                        + job.path("percent").asInt() + "%");
                lastReport = now;
            }
            if (now - tokenTaken > TOKEN_AGE.toNanos()) {
                freshToken.run();
                tokenTaken = now;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
