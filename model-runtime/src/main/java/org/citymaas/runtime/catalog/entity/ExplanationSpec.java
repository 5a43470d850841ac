package org.citymaas.runtime.catalog.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model version's predictions are explained ({@code explanation} in {@code model-card.json}); a card
 * without one has no explanations.
 *
 * @param method {@code exact-shapley} (tabular models: exact Shapley values against one baseline point) or
 *     {@code occlusion} (text models: the drop in the top class's probability when a token is removed)
 * @param output the output tensor explained, e.g. {@code final_score}
 * @param outputDescription which value of that output is explained, in words (e.g. the mean of the 6 hours)
 * @param baselineDescription what the baseline point is, in words
 * @param baseline the baseline point: per explained input, {@code rowWidth} values (FP32 inputs: the training
 *     data's mean of each element; INT64 inputs: the most frequent value); empty for occlusion
 * @param tolerance for {@code exact-shapley}: how far the attributions' sum may lie from prediction minus
 *     baseline, in the output's unit
 */
public record ExplanationSpec(
        String method,
        String output,
        String outputDescription,
        String baselineDescription,
        Map<String, double[]> baseline,
        double tolerance) {

    public static final String EXACT_SHAPLEY = "exact-shapley";
    public static final String OCCLUSION = "occlusion";

    public ExplanationSpec {
        // the inputs' order, as the card lists them
        baseline = baseline == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
    }
}
