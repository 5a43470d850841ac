package org.citymaas.runtime.training.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.PredictionReference;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class PredictionReferencesTest {

    private static ModelCard card(String unit, List<String> labels, long width) {
        var output = Schema.output("y", (int) width, unit, "the prediction", labels.isEmpty() ? null : labels);
        return new ModelCard(
                "m",
                "1",
                "d",
                "regression",
                "M",
                "use",
                List.of(),
                List.of(),
                List.of(output),
                List.of(),
                null,
                null,
                null,
                null);
    }

    @Test
    void regressionBinsAreTheHeldOutDecilesEachHoldingATenth() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 1000; // 0..999 shuffled
        }
        var reference = PredictionReferences.of(
                card("points", List.of(), 1), Map.of("y", Tensor.fp32("y", new long[] {1000, 1}, values)));

        assertThat(reference.binning()).isEqualTo(PredictionReference.DECILES);
        assertThat(reference.edges()).containsExactly(100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0);
        assertThat(reference.shares()).hasSize(10).allSatisfy(s -> assertThat(s).isEqualTo(0.1));
        assertThat(reference.rows()).isEqualTo(1000);
        assertThat(reference.usable()).isTrue();
    }

    @Test
    void repeatedDecilesAreOneEdge() {
        float[] values = new float[100];
        for (int i = 50; i < values.length; i++) {
            values[i] = i;
        }
        var reference = PredictionReferences.of(
                card("points", List.of(), 1), Map.of("y", Tensor.fp32("y", new long[] {100, 1}, values)));

        // deciles 1-4 are all 0: one edge; half the rows are in [0, 50), none below 0
        assertThat(reference.edges()).containsExactly(0.0, 50.0, 60.0, 70.0, 80.0, 90.0);
        assertThat(reference.shares()).containsExactly(0.0, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(reference.usable()).isTrue();
    }

    @Test
    void aProbabilityIsBinnedInTenthsAndClassesByTheMostProbable() {
        var probability = PredictionReferences.of(
                card("probability", List.of(), 1),
                Map.of("y", Tensor.fp32("y", new long[] {4, 1}, 0.05f, 0.05f, 0.55f, 0.95f)));
        assertThat(probability.binning()).isEqualTo(PredictionReference.PROBABILITY);
        assertThat(probability.shares()).containsExactly(0.5, 0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0, 0.25);

        var classes = PredictionReferences.of(
                card("probability", List.of("a", "b"), 2),
                Map.of("y", Tensor.fp32("y", new long[] {4, 2}, 0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.7f, 0.4f, 0.6f)));
        assertThat(classes.binning()).isEqualTo(PredictionReference.TOP_CLASS);
        assertThat(classes.labels()).containsExactly("a", "b");
        assertThat(classes.shares()).containsExactly(0.25, 0.75);
    }
}
