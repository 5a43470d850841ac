package org.citymaas.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ExplainReportTest {

    private final CellResult infer1 = cell(BenchReport.INFER_1, 1, 3000, 3.0, -1);
    private final CellResult infer16 = cell(BenchReport.INFER_1, 16, 9000, 16.0, -1);
    private final CellResult explain1 = cell(BenchReport.EXPLAIN_1, 1, 1500, 6.0, 1500 * 256L);
    private final CellResult explain16 = cell(BenchReport.EXPLAIN_1, 16, 3000, 48.0, 3000 * 256L);
    private final CellResult runtime1 = cell(BenchReport.RUNTIME_1, 1, 200_000, 0.05, -1);
    private final CellResult runtimeExplain1 = cell(BenchReport.RUNTIME_EXPLAIN_1, 1, 50_000, 0.2, 50_000 * 256L);
    private final ExplainReport.ModelRun healthRisk = new ExplainReport.ModelRun(
            "health-risk",
            "health",
            "exact-shapley",
            List.of(infer1, infer16, explain1, explain16, runtime1, runtimeExplain1));

    /** A cell of {@code answers} answers in 10 s, each taking {@code millis}. */
    private static CellResult cell(String name, int concurrency, int answers, double millis, long modelRowsRun) {
        var histogram = new Histogram(3);
        for (int i = 0; i < answers; i++) {
            histogram.recordValue((long) (millis * 1e6));
        }
        return new CellResult(name, concurrency, 1, 10, histogram, Map.of(), 0, modelRowsRun);
    }

    /** A percentile as the table writes it (HdrHistogram keeps 3 significant digits). */
    private static String ms(CellResult cell, double percentile) {
        return String.format(Locale.ROOT, "%.3f", cell.millis(percentile));
    }

    @Test
    void eachCellShowsTheModelRowsItsAnswersSaidTheyRan() {
        var text = ExplainReport.markdown("Note.", List.of(healthRisk));

        assertThat(text)
                .startsWith("Explanations next to inferences, per model. Note.")
                .contains("| health-risk (health) | exact-shapley | governed explain, 1 row | 1 | 1,500 | 0 | 150.0"
                        + " | 38,400 | 256.0 | " + ms(explain1, 50) + " | " + ms(explain1, 95) + " | "
                        + ms(explain1, 99) + " | 0% |")
                .as("an inference runs its request rows")
                .contains("| health-risk (health) | exact-shapley | governed infer, 1 row | 16 | 9,000 | 0 | 900.0"
                        + " | 900 | 1.0 | " + ms(infer16, 50) + " |")
                .contains("| runtime in-process explain, 1 row | 1 | 50,000 | 0 | 5,000.0 | 1,280,000 | 256.0 |");
        assertThat(explain1.millis(50)).isCloseTo(6.0, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void explainIsSetAgainstInferOfTheSameModelAtTheSameConcurrency() {
        var text = ExplainReport.ratios(List.of(healthRisk));

        assertThat(text)
                .contains("| health-risk | 1 | 150.0 / 300.0 = 0.50x | " + ms(explain1, 50) + " / " + ms(infer1, 50)
                        + " = 2.00x | 5,000.0 / 20,000.0 = 0.25x | " + ms(runtimeExplain1, 50) + " / "
                        + ms(runtime1, 50) + " = 4.00x |")
                .as("no in-process cell at 16")
                .contains("| health-risk | 16 | 300.0 / 900.0 = 0.33x | " + ms(explain16, 50) + " / " + ms(infer16, 50)
                        + " = 3.00x | - | - |");
    }

    @Test
    void aMissingOrEmptyCellIsADashNotANumber() {
        assertThat(ExplainReport.ratio(1, 0)).isEqualTo("-");
        assertThat(ExplainReport.ratio(Double.NaN, 2)).isEqualTo("-");
        assertThat(ExplainReport.ratio(3, 2)).isEqualTo("1.50x");
        assertThat(ExplainReport.markdown("Note.", List.of())).isEmpty();
        var silent = cell(BenchReport.EXPLAIN_1, 1, 0, 1, 0);
        assertThat(silent.modelRowsPerCall()).isNaN();
        assertThat(ExplainReport.markdown(
                        "Note.", List.of(new ExplainReport.ModelRun("m", "d", "occlusion", List.of(silent)))))
                .contains("| m (d) | occlusion | governed explain, 1 row | 1 | 0 | 0 | 0.0 | 0 | - | NaN |");
    }
}
