package org.citymaas.runtime.training.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.junit.jupiter.api.Test;

class FairnessEvaluationTest {

    private static FairnessCheck check(FairnessReport r, String metric) {
        return r.checks().stream()
                .filter(c -> c.metric().equals(metric))
                .findFirst()
                .orElseThrow();
    }

    private static Table table(String attribute, String[] groups, float[] truth) {
        return new Table.Builder(groups.length)
                .fp32("target", 1, truth)
                .text(GroupAttributes.column(attribute), groups)
                .build();
    }

    private static String[] groups(int a, int b, int small) {
        String[] g = new String[a + b + small];
        for (int i = 0; i < g.length; i++) {
            g[i] = i < a ? "A" : i < a + b ? "B" : "tiny";
        }
        return g;
    }

    @Test
    void regressionComparesTheWorstJudgedGroupsMaeWithTheBestAndLeavesSmallGroupsUnjudged() {
        String[] g = groups(40, 40, 5);
        float[] truth = new float[g.length];
        float[] predicted = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            truth[i] = 10;
            // A off by 1, B off by 2, the tiny group off by 50
            predicted[i] = 10 + (g[i].equals("A") ? 1 : g[i].equals("B") ? -2 : 50);
        }
        var r = FairnessEvaluation.regression(
                table("district", g, truth), predicted, truth, 1, List.of("district"), false);

        assertThat(r.groups())
                .extracting(x -> x.group() + ":" + x.judged() + ":" + x.rows())
                .containsExactly("A:true:40", "B:true:40", "tiny:false:5");
        var c = check(r, "mae_ratio");
        assertThat(c.value()).isEqualTo(2.0);
        assertThat(c.gap()).isEqualTo(1.0);
        assertThat(c.worstGroup()).isEqualTo("B");
        assertThat(c.bestGroup()).isEqualTo("A");
        assertThat(c.within()).isFalse();
        assertThat(r.outside()).containsExactly(c);
        assertThat(r.tolerances()).containsOnlyKeys("mae_ratio");
    }

    @Test
    void binaryClassifierChecksParityOddsAccuracyAndCalibrationPerGroup() {
        // A: 50 rows, 25 positive, answers 0.9 for positives and 0.1 for negatives (perfect, calibrated-ish)
        // B: 50 rows, 25 positive, answers 0.9 for 10 positives and 0.1 for everything else
        String[] g = groups(50, 50, 0);
        float[] truth = new float[100];
        float[] p = new float[100];
        for (int i = 0; i < 100; i++) {
            int k = i % 50;
            truth[i] = k < 25 ? 1 : 0;
            boolean flagged = i < 50 ? k < 25 : k < 10;
            p[i] = flagged ? 0.9f : 0.1f;
        }
        var r = FairnessEvaluation.binary(table("sex", g, truth), p, truth, 0.5, List.of("sex"));

        var b = r.groups().get(1);
        assertThat(b.value("selection_rate")).isEqualTo(0.2);
        assertThat(b.value("tpr")).isEqualTo(0.4);
        assertThat(b.value("fpr")).isEqualTo(0.0);
        assertThat(b.value("accuracy")).isEqualTo(0.7);
        assertThat(check(r, "demographic_parity_difference").value()).isCloseTo(0.3, within(1e-9));
        assertThat(check(r, "selection_rate_ratio").value()).isCloseTo(0.4, within(1e-9));
        assertThat(check(r, "selection_rate_ratio").worstGroup()).isEqualTo("B");
        assertThat(check(r, "equalized_odds_difference").value()).isCloseTo(0.6, within(1e-9));
        assertThat(check(r, "accuracy_gap").value()).isCloseTo(0.3, within(1e-9));
        // B's 40 rows answered 0.1 hold 15 positives: |0.1 - 15/40| weighs 40/50; its 10 rows at 0.9 are right
        assertThat(b.value("ece")).isCloseTo(0.8 * Math.abs(0.1 - 15.0 / 40) + 0.2 * 0.1, within(1e-6));
        assertThat(r.withinTolerance()).isFalse();
    }

    @Test
    void routingIsOneVersusRestPerGroupOfClasses() {
        // classes 0, 1 are "large", class 2 "small"; 40 rows of each class; class 2 is routed to 0 half the time
        int n = 120;
        long[] labels = new long[n];
        String[] g = new String[n];
        float[] probs = new float[n * 3];
        for (int i = 0; i < n; i++) {
            labels[i] = i / 40;
            g[i] = labels[i] == 2 ? "small" : "large";
            int answer = labels[i] == 2 && i % 2 == 0 ? 0 : (int) labels[i];
            probs[i * 3 + answer] = 0.8f;
            probs[i * 3 + (answer + 1) % 3] = 0.2f;
        }
        var heldOut = new Table.Builder(n)
                .text(GroupAttributes.column("department_size"), g)
                .build();
        var r = FairnessEvaluation.routing(
                heldOut, probs, labels, "department_size", List.of("large", "large", "small"));

        var small = r.groups().stream()
                .filter(x -> x.group().equals("small"))
                .findFirst()
                .orElseThrow();
        assertThat(small.value("accuracy")).isEqualTo(0.5);
        assertThat(small.value("tpr")).isEqualTo(0.5);
        assertThat(small.value("true_share")).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(small.value("routed_share")).isCloseTo(1.0 / 6, within(1e-6));
        assertThat(check(r, "routed_share_ratio").value()).isCloseTo(0.5, within(1e-6));
        assertThat(check(r, "routed_share_ratio").within()).isFalse();
        assertThat(check(r, "equalized_odds_difference").value()).isCloseTo(0.5, within(1e-6));
        assertThat(check(r, "accuracy_gap").worstGroup()).isEqualTo("small");
    }

    @Test
    void theAttributesStreamIsNotTheDataStream() {
        assertThat(GroupAttributes.stream(7).nextLong()).isNotEqualTo(new java.util.Random(7).nextLong());
    }
}
