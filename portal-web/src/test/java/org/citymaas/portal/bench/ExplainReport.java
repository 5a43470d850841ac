package org.citymaas.portal.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-model explain table: governed infer and explain of one row and the runtime's in-process infer and
 * explain of the same model, with the model rows each call ran, and explain's req/s and p50 as ratios to infer's
 * (same model, same concurrency, same run).
 */
final class ExplainReport {

    /**
     * One model's cells.
     *
     * @param department whose service account (and share key) sent them
     * @param method the card's explanation method
     * @param cells governed infer and explain (1 row), in-process infer and explain, at each concurrency
     */
    record ModelRun(String model, String department, String method, List<CellResult> cells) {}

    private ExplainReport() {}

    static String markdown(String note, List<ModelRun> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        var text = new StringBuilder("Explanations next to inferences, per model. ")
                .append(note)
                .append("\n\n");
        text.append("| model (department) | method | cell | concurrency | 2xx answers | non-2xx (status: count) | req/s"
                + " | model rows run/s | rows run per call | p50 ms | p95 ms | p99 ms | others' CPU |\n");
        text.append("|---|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var run : runs) {
            for (var cell : run.cells()) {
                text.append(String.format(
                        Locale.ROOT,
                        "| %s (%s) | %s | %s | %d | %,d | %s | %,.1f | %,.0f | %s | %.3f | %.3f | %.3f | %.0f%% |%n",
                        run.model(),
                        run.department(),
                        run.method(),
                        cell.name(),
                        cell.concurrency(),
                        cell.ok(),
                        cell.refusedText(),
                        cell.requestsPerSecond(),
                        cell.modelRowsPerSecond(),
                        Double.isNaN(cell.modelRowsPerCall())
                                ? "-"
                                : String.format(Locale.ROOT, "%,.1f", cell.modelRowsPerCall()),
                        cell.millis(50),
                        cell.millis(95),
                        cell.millis(99),
                        cell.othersCpu()));
            }
        }
        text.append('\n').append(ratios(runs));
        return text.toString();
    }

    /** Explain against infer per model and concurrency: req/s and p50, governed and in-process. */
    static String ratios(List<ModelRun> runs) {
        var text = new StringBuilder(
                "Explain against infer (explain / infer, the same model at the same concurrency in this run):\n\n");
        text.append("| model | concurrency | governed req/s | governed p50 ms | in-process calls/s | in-process p50 ms"
                + " |\n");
        text.append("|---|---:|---|---|---|---|\n");
        for (var run : runs) {
            run.cells().stream()
                    .filter(c ->
                            c.name().equals(BenchReport.EXPLAIN_1) || c.name().equals(BenchReport.RUNTIME_EXPLAIN_1))
                    .map(CellResult::concurrency)
                    .distinct()
                    .sorted()
                    .forEach(c -> text.append(String.format(
                            Locale.ROOT,
                            "| %s | %d | %s | %s | %s | %s |%n",
                            run.model(),
                            c,
                            throughput(run, BenchReport.EXPLAIN_1, BenchReport.INFER_1, c),
                            p50(run, BenchReport.EXPLAIN_1, BenchReport.INFER_1, c),
                            throughput(run, BenchReport.RUNTIME_EXPLAIN_1, BenchReport.RUNTIME_1, c),
                            p50(run, BenchReport.RUNTIME_EXPLAIN_1, BenchReport.RUNTIME_1, c))));
        }
        return text.toString();
    }

    private static String throughput(ModelRun run, String explain, String infer, int concurrency) {
        var e = find(run, explain, concurrency);
        var i = find(run, infer, concurrency);
        if (e.isEmpty() || i.isEmpty()) {
            return "-";
        }
        double a = e.get().requestsPerSecond();
        double b = i.get().requestsPerSecond();
        return String.format(Locale.ROOT, "%,.1f / %,.1f = %s", a, b, ratio(a, b));
    }

    private static String p50(ModelRun run, String explain, String infer, int concurrency) {
        var e = find(run, explain, concurrency);
        var i = find(run, infer, concurrency);
        if (e.isEmpty() || i.isEmpty()) {
            return "-";
        }
        double a = e.get().millis(50);
        double b = i.get().millis(50);
        return String.format(Locale.ROOT, "%.3f / %.3f = %s", a, b, ratio(a, b));
    }

    /** {@code a / b} as {@code 0.42x}, {@code -} when either is missing or {@code b} is 0. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", a / b);
    }

    private static Optional<CellResult> find(ModelRun run, String name, int concurrency) {
        return run.cells().stream()
                .filter(c -> c.name().equals(name) && c.concurrency() == concurrency)
                .findFirst();
    }
}
