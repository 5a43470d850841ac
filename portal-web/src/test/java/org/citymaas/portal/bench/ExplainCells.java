package org.citymaas.portal.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Governed explain cells ({@code POST /api/v2/models/{model}/explain}, 1 held-out row a request) and, per
 * model, the governed infer cells of the same rows next to them: each model's own department's service
 * account, a new token before each cell, a warm-up of both kinds first.
 */
final class ExplainCells {

    /** Requests of one model, from one department. */
    record Target(PortalApi api, Runnable freshToken, String model, List<String> bodies) {}

    private ExplainCells() {}

    /** Governed explain of one row at each concurrency, after a warm-up of {@code 3 * warmup} s at 4. */
    static List<CellResult> explain(Target target, List<Integer> concurrencies, double warmup, double seconds)
            throws InterruptedException {
        BenchStack.step("warming up explain of " + target.model() + " (" + 3 * warmup + " s at concurrency 4)");
        explainCell(target, 4, 3 * warmup, 0.1);
        var cells = new ArrayList<CellResult>();
        for (int c : concurrencies) {
            cells.add(report(target.model(), explainCell(target, c, warmup, seconds)));
        }
        return cells;
    }

    /**
     * A model's pair: governed infer and governed explain of one row at each concurrency, each kind warmed up
     * for {@code 2 * warmup} s at concurrency 4 first (the portal loads the model on its first request).
     */
    static List<CellResult> pair(Target target, List<Integer> concurrencies, double warmup, double seconds)
            throws InterruptedException {
        BenchStack.step("warming up infer and explain of " + target.model());
        inferCell(target, 4, 2 * warmup, 0.1);
        explainCell(target, 4, 2 * warmup, 0.1);
        var cells = new ArrayList<CellResult>();
        for (int c : concurrencies) {
            cells.add(report(target.model(), inferCell(target, c, warmup, seconds)));
        }
        for (int c : concurrencies) {
            cells.add(report(target.model(), explainCell(target, c, warmup, seconds)));
        }
        return cells;
    }

    static CellResult inferCell(Target target, int concurrency, double warmup, double seconds)
            throws InterruptedException {
        target.freshToken().run();
        var client = PortalApi.newClient();
        var next = new AtomicInteger();
        var bodies = target.bodies();
        return ClosedLoop.run(
                BenchReport.INFER_1,
                concurrency,
                1,
                warmup,
                seconds,
                () -> () -> target.api().infer(client, target.model(), bodies.get(next.getAndIncrement() & 63)));
    }

    static CellResult explainCell(Target target, int concurrency, double warmup, double seconds)
            throws InterruptedException {
        target.freshToken().run();
        var client = PortalApi.newClient();
        var next = new AtomicInteger();
        return ClosedLoop.run(
                BenchReport.EXPLAIN_1, concurrency, 1, warmup, seconds, () -> new ExplainCall(target, client, next));
    }

    private static CellResult report(String model, CellResult result) {
        BenchStack.step(String.format(
                Locale.ROOT,
                "%s of %s at %d: %,.1f req/s, %,.0f model rows/s, p50 %.2f ms, non-2xx %s",
                result.name(),
                model,
                result.concurrency(),
                result.requestsPerSecond(),
                result.modelRowsPerSecond(),
                result.millis(50),
                result.refusedText()));
        return result;
    }

    /** One client thread's explanations: each answer's {@code rows_run} kept for the cell's count. */
    private static final class ExplainCall implements ClosedLoop.Call {

        private final Target target;
        private final HttpClient client;
        private final AtomicInteger next;
        private long rowsRun = -1;

        ExplainCall(Target target, HttpClient client, AtomicInteger next) {
            this.target = target;
            this.client = client;
            this.next = next;
        }

        @Override
        public int send() throws Exception {
            rowsRun = -1;
            var answer =
                    target.api().explain(client, target.model(), target.bodies().get(next.getAndIncrement() & 63));
            rowsRun = answer.rowsRun();
            return answer.status();
        }

        @Override
        public long rowsRun() {
            return rowsRun;
        }
    }
}
