package org.citymaas.runtime.catalog.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    /** Equal when every component is, the baseline's values compared by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ExplanationSpec other)) {
            return false;
        }
        if (!Objects.equals(method, other.method)
                || !Objects.equals(output, other.output)
                || !Objects.equals(outputDescription, other.outputDescription)
                || !Objects.equals(baselineDescription, other.baselineDescription)
                || Double.compare(tolerance, other.tolerance) != 0
                || !baseline.keySet().equals(other.baseline.keySet())) {
            return false;
        }
        for (var e : baseline.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.baseline.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(method, output, outputDescription, baselineDescription, tolerance);
        for (var e : baseline.entrySet()) {
            h = 31 * h + e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        var values = new StringBuilder();
        baseline.forEach((k, v) -> values.append(values.length() == 0 ? "" : ", ")
                .append(k)
                .append('=')
                .append(Arrays.toString(v)));
        return "ExplanationSpec[method=" + method + ", output=" + output + ", outputDescription=" + outputDescription
                + ", baselineDescription=" + baselineDescription + ", baseline={" + values + "}, tolerance="
                + tolerance + "]";
    }
}
