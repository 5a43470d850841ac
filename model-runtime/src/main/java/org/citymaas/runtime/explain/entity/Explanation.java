package org.citymaas.runtime.explain.entity;

import java.util.List;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.Compute;

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
 * @param compute what running those rows took, summed over the runtime requests they ran as (for metering); a
 *     zero compute on the runtime's device when nothing ran
 */
public record Explanation(
        ModelRef model,
        String method,
        String output,
        String outputLabel,
        List<RowExplanation> rows,
        long rowsRun,
        Compute compute) {

    public Explanation {
        rows = List.copyOf(rows);
    }

    /** An explanation whose compute is not known (built outside the runtime, e.g. in a test of its display). */
    public Explanation(
            ModelRef model, String method, String output, String outputLabel, List<RowExplanation> rows, long rowsRun) {
        this(model, method, output, outputLabel, rows, rowsRun, new Compute("cpu()", 0, 0, 0, 0));
    }
}
