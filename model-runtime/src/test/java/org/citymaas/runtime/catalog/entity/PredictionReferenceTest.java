package org.citymaas.runtime.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionReferenceTest {

    private static PredictionReference deciles(List<Double> edges) {
        return new PredictionReference(
                "y",
                PredictionReference.DECILES,
                edges,
                List.of(),
                Collections.nCopies(edges.size() + 1, 1.0 / (edges.size() + 1)),
                100);
    }

    @Test
    void aValueFallsInTheBinWhoseLowerEdgeItReaches() {
        var reference = deciles(List.of(10.0, 20.0, 30.0));

        assertThat(reference.binOf(-5)).isZero();
        assertThat(reference.binOf(9.99)).isZero();
        assertThat(reference.binOf(10)).isEqualTo(1);
        assertThat(reference.binOf(25)).isEqualTo(2);
        assertThat(reference.binOf(30)).isEqualTo(3);
        assertThat(reference.binOf(1e9)).isEqualTo(3);
    }

    @Test
    void aRegressionRowIsBinnedByItsFirstValue() {
        var reference = deciles(List.of(10.0, 20.0));

        float[] rows = {5, 99, 15, 0, 25, 0};

        assertThat(reference.bin(rows, 0, 2)).isZero();
        assertThat(reference.bin(rows, 1, 2)).isEqualTo(1);
        assertThat(reference.bin(rows, 2, 2)).isEqualTo(2);
    }

    @Test
    void probabilitiesFallInTenths() {
        var reference = new PredictionReference(
                "p",
                PredictionReference.PROBABILITY,
                PredictionReference.PROBABILITY_EDGES,
                List.of(),
                Collections.nCopies(10, 0.1),
                10);

        assertThat(reference.bin(new float[] {0f}, 0, 1)).isZero();
        assertThat(reference.bin(new float[] {0.05f}, 0, 1)).isZero();
        assertThat(reference.bin(new float[] {0.15f}, 0, 1)).isEqualTo(1);
        assertThat(reference.bin(new float[] {0.95f}, 0, 1)).isEqualTo(9);
        assertThat(reference.bin(new float[] {1f}, 0, 1)).isEqualTo(9);
        assertThat(reference.usable()).isTrue();
    }

    @Test
    void aClassRowFallsInItsMostProbableClass() {
        var reference = new PredictionReference(
                "probs", PredictionReference.TOP_CLASS, List.of(), List.of("a", "b", "c"), List.of(0.5, 0.3, 0.2), 10);

        float[] rows = {0.1f, 0.7f, 0.2f, 0.2f, 0.2f, 0.6f};

        assertThat(reference.bin(rows, 0, 3)).isEqualTo(1);
        assertThat(reference.bin(rows, 1, 3)).isEqualTo(2);
        assertThat(reference.usable()).isTrue();
    }

    @Test
    void anInconsistentReferenceIsNotUsable() {
        assertThat(deciles(List.of(10.0, 20.0)).usable()).isTrue();
        assertThat(deciles(List.of(20.0, 10.0)).usable())
                .as("edges not increasing")
                .isFalse();
        assertThat(new PredictionReference("y", "deciles", List.of(1.0), List.of(), List.of(0.5, 0.4), 10).usable())
                .as("shares not summing to 1")
                .isFalse();
        assertThat(new PredictionReference("y", "deciles", List.of(1.0), List.of(), List.of(1.0), 10).usable())
                .as("fewer bins than edges + 1")
                .isFalse();
        assertThat(new PredictionReference("y", "quantiles", List.of(1.0), List.of(), List.of(0.5, 0.5), 10).usable())
                .as("unknown binning")
                .isFalse();
        assertThat(new PredictionReference("y", "top-class", List.of(), List.of("a", "b"), List.of(0.5, 0.5, 0.0), 10)
                        .usable())
                .as("more shares than labels")
                .isFalse();
    }
}
