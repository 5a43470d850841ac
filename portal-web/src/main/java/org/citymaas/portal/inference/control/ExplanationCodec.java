package org.citymaas.portal.inference.control;

import org.citymaas.portal.inference.entity.ExplanationOutcome;

/**
 * The {@code /explain} answer (a CityMaaS extension of the Open Inference Protocol v2): the v2 response
 * of the rows, as {@code /infer} gives it, plus an {@code explanation} member: {@code method},
 * {@code output} (the output tensor explained) and {@code output_description} (which value of it),
 * {@code output_label} (the class explained, when every row explains the same one), {@code
 * baseline_description}, {@code tolerance}, {@code rows_run} and {@code rows}: per request row, in input
 * order, {@code prediction}, {@code baseline}, {@code label} (the row's class, or null) and {@code
 * attributions} ({@code feature}, {@code value}) in the card's input order or the text's token order.
 */
public final class ExplanationCodec {

    private ExplanationCodec() {}

    public static String response(ExplanationOutcome outcome) {
        var root = V2Codec.answer(outcome.answer());
        var explanation = outcome.explanation();
        var spec = outcome.spec();
        var node = root.putObject("explanation");
        node.put("method", explanation.method());
        node.put("output", explanation.output());
        node.put("output_description", spec.outputDescription());
        node.put("output_label", explanation.outputLabel());
        node.put("baseline_description", spec.baselineDescription());
        node.put("tolerance", spec.tolerance());
        node.put("rows_run", explanation.rowsRun());
        var rows = node.putArray("rows");
        for (var row : explanation.rows()) {
            var r = rows.addObject();
            r.put("prediction", row.prediction());
            r.put("baseline", row.baseline());
            r.put("label", row.label());
            var attributions = r.putArray("attributions");
            for (var attribution : row.attributions()) {
                attributions.addObject().put("feature", attribution.feature()).put("value", attribution.value());
            }
        }
        return root.toString();
    }
}
