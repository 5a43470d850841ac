package org.citymaas.runtime.explain.entity;

import java.util.List;
import org.citymaas.runtime.catalog.entity.ModelRef;

/**
 * The explanation of a request's rows.
 *
 * @param model the version that answered
 * @param method {@code exact-shapley} or {@code occlusion}
 * @param output the output tensor explained, e.g. {@code diabetes_risk}
 * @param outputLabel the class explained when every row explains the same one (text models: the top class), else
 *     {@code null} (regression, or rows with different top classes: see {@link RowExplanation#label})
 * @param rows one per request row, in order
 * @param rowsRun how many rows the explanation ran through the model (what it costs: tabular {@code 2^n} per
 *     request row for n inputs; text models the full and the empty text plus one per token)
 */
public record Explanation(
        ModelRef model, String method, String output, String outputLabel, List<RowExplanation> rows, long rowsRun) {

    public Explanation {
        rows = List.copyOf(rows);
    }
}
