package org.citymaas.portal.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The run's tables in Markdown and the ratios the performance goals are measured by. */
final class BenchReport {

    static final String NOOP = "authenticated no-op `GET /api/v2/health/live`";
    static final String INFER_1 = "governed infer, 1 row";
    static final String INFER_64 = "governed infer, 64 rows";
    static final String EXPLAIN_1 = "governed explain, 1 row";
    static final String RUNTIME_1 = "runtime in-process, 1 row";
    static final String RUNTIME_64 = "runtime in-process, 64 rows";
    static final String RUNTIME_EXPLAIN_1 = "runtime in-process explain, 1 row";

    private BenchReport() {}

    /**
     * @param title the heading line (date, command)
     * @param machine the machine and settings note
     */
    static String markdown(
            String title, String machine, List<CellResult> http, List<CellResult> runtime, BatchResult batch) {
        return markdown(title, machine, http, List.of(), runtime, batch);
    }

    /**
     * @param explain the governed explain cells of the bench's model, shown after the governed infer cells
     */
    static String markdown(
            String title,
            String machine,
            List<CellResult> http,
            List<CellResult> explain,
            List<CellResult> runtime,
            BatchResult batch) {
        var text = new StringBuilder();
        text.append("#### ").append(title).append("\n\n").append(machine).append("\n\n");
        text.append("| cell | concurrency | 2xx answers | non-2xx (status: count) | req/s | rows/s | p50 ms | p95 ms"
                + " | p99 ms | others' CPU |\n");
        text.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (var cell : http) {
            row(text, cell);
        }
        for (var cell : explain) {
            row(text, cell);
        }
        text.append(String.format(
                Locale.ROOT,
                "| CSV batch, %,d lines (`POST /api/v1/models/{name}/batches`, polled) | 1 job | %,d lines | %,d lines"
                        + " | - | %,.1f lines/s | - | - | - | %.0f%% |%n",
                batch.lines(),
                batch.okRows(),
                batch.failedRows(),
                batch.linesPerSecond(),
                batch.othersCpu()));
        for (var cell : runtime) {
            row(text, cell);
        }
        text.append('\n').append(ratios(http, runtime, batch));
        return text.toString();
    }

    private static void row(StringBuilder text, CellResult cell) {
        text.append(String.format(
                Locale.ROOT,
                "| %s | %d | %,d | %s | %,.1f | %s | %.3f | %.3f | %.3f | %.0f%% |%n",
                cell.name(),
                cell.concurrency(),
                cell.ok(),
                cell.refusedText(),
                cell.requestsPerSecond(),
                cell.rowsPerRequest() == 0 ? "-" : String.format(Locale.ROOT, "%,.1f", cell.rowsPerSecond()),
                cell.millis(50),
                cell.millis(95),
                cell.millis(99),
                cell.othersCpu()));
    }

    /** The goals' figures of this run. */
    static String ratios(List<CellResult> http, List<CellResult> runtime, BatchResult batch) {
        var text = new StringBuilder("Goal figures of this run:\n\n");
        var infer1 = find(http, INFER_1, 1);
        var runtime1 = find(runtime, RUNTIME_1, 1);
        if (infer1.isPresent() && runtime1.isPresent()) {
            double portal = infer1.get().millis(50);
            double engine = runtime1.get().millis(50);
            text.append(String.format(
                    Locale.ROOT,
                    "- governed infer (1 row) at concurrency 1, p50: %.3f ms vs the runtime's %.3f ms in-process ="
                            + " %.1fx (the governed path adds %.3f ms)%n",
                    portal,
                    engine,
                    portal / engine,
                    portal - engine));
        }
        int top = http.stream().mapToInt(CellResult::concurrency).max().orElse(1);
        var inferTop = find(http, INFER_1, top);
        var noopTop = find(http, NOOP, top);
        if (inferTop.isPresent() && noopTop.isPresent()) {
            text.append(String.format(
                    Locale.ROOT,
                    "- governed infer (1 row) at concurrency %d: %,.1f req/s = %.1f%% of the authenticated no-op's"
                            + " %,.1f req/s%n",
                    top,
                    inferTop.get().requestsPerSecond(),
                    100 * inferTop.get().requestsPerSecond() / noopTop.get().requestsPerSecond(),
                    noopTop.get().requestsPerSecond()));
        }
        var rows64 = new StringBuilder();
        http.stream()
                .filter(c -> c.name().equals(INFER_64))
                .forEach(c -> rows64.append(String.format(
                        Locale.ROOT,
                        "%s%,.0f at %d",
                        rows64.isEmpty() ? "" : ", ",
                        c.rowsPerSecond(),
                        c.concurrency())));
        var runtime64 = find(runtime, RUNTIME_64, top)
                .map(c -> String.format(Locale.ROOT, " (runtime in-process at %d: %,.0f)", top, c.rowsPerSecond()))
                .orElse("");
        text.append("- rows/s with 64 rows per request: ")
                .append(rows64)
                .append(runtime64)
                .append('\n');
        text.append(String.format(
                Locale.ROOT,
                "- CSV batch: %,.1f lines/s end to end (%,d lines: %,d answered, %,d refused or failed, %s, %.1f s;"
                        + " the job's own createdAt to finishedAt %.1f s)%n",
                batch.linesPerSecond(),
                batch.lines(),
                batch.okRows(),
                batch.failedRows(),
                batch.status(),
                batch.seconds(),
                batch.serverSeconds()));
        return text.toString();
    }

    private static Optional<CellResult> find(List<CellResult> cells, String name, int concurrency) {
        return cells.stream()
                .filter(c -> c.name().equals(name) && c.concurrency() == concurrency)
                .findFirst();
    }
}
