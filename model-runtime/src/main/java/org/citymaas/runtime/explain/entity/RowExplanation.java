package org.citymaas.runtime.explain.entity;

import java.util.List;

/**
 * The explanation of one row of a request.
 *
 * @param prediction the explained output's value for the row
 * @param baseline the model's output at the card's baseline point (tabular) or for the empty text (text models)
 * @param attributions per input in the card's order (tabular; their sum is {@code prediction - baseline} within
 *     the card's tolerance), or per token in text order (text models)
 * @param label the class explained (text models: the row's top class), {@code null} for regression
 */
public record RowExplanation(double prediction, double baseline, List<Attribution> attributions, String label) {

    public RowExplanation {
        attributions = List.copyOf(attributions);
    }

    /** A row of a regression or single-probability output, no class label. */
    public RowExplanation(double prediction, double baseline, List<Attribution> attributions) {
        this(prediction, baseline, attributions, null);
    }

    /** The attributions' sum. */
    public double sum() {
        double s = 0;
        for (Attribution a : attributions) {
            s += a.value();
        }
        return s;
    }
}
