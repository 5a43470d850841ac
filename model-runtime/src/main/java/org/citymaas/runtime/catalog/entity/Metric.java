package org.citymaas.runtime.catalog.entity;

/**
 * A metric measured on held-out data, next to a naive baseline on the same rows.
 *
 * @param name e.g. {@code mae}, {@code accuracy}, {@code auc}
 * @param value the model's value
 * @param baseline the naive predictor, e.g. {@code persistence}, {@code mean}, {@code majority-class}
 * @param baselineValue the baseline's value
 * @param higherIsBetter whether larger values are better
 * @param rows held-out rows it was measured on
 */
public record Metric(
        String name, double value, String baseline, double baselineValue, boolean higherIsBetter, int rows) {

    /** Whether the model is better than its baseline by at least {@code margin} (relative). */
    public boolean beatsBaseline(double margin) {
        return higherIsBetter ? value >= baselineValue * (1 + margin) : value <= baselineValue * (1 - margin);
    }
}
