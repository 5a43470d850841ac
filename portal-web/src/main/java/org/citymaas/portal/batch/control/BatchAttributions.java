package org.citymaas.portal.batch.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.inference.entity.ReadableOutput;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.explain.entity.RowExplanation;

/**
 * The attribution columns of an explained batch's results: {@code baseline}, then for a tabular model one
 * {@code <input>_attribution} per explained input (the card's order), for the complaint router one
 * {@code attributions} cell of {@code token:share} pairs in the text's order (the masked text's tokens).
 * A line keeps them with its outputs, as outputs named {@code explanation:<column>}.
 */
public final class BatchAttributions {

    static final String PREFIX = "explanation:";
    static final String TOKENS = "attributions";

    private BatchAttributions() {}

    /** The columns a version's explained lines add to the results; none when it cannot be explained. */
    public static List<String> columns(ModelCard card) {
        ExplanationSpec spec = card.explanation();
        if (spec == null) {
            return List.of();
        }
        var columns = new ArrayList<String>();
        columns.add("baseline");
        if (ExplanationSpec.OCCLUSION.equals(spec.method())) {
            columns.add(TOKENS);
        } else {
            spec.baseline().keySet().forEach(input -> columns.add(input + "_attribution"));
        }
        return columns;
    }

    /** A line's explanation as outputs kept with its answer. */
    public static List<ReadableOutput> outputs(String method, RowExplanation row) {
        var outputs = new ArrayList<ReadableOutput>();
        outputs.add(number("baseline", row.baseline()));
        if (ExplanationSpec.OCCLUSION.equals(method)) {
            var pairs = row.attributions().stream()
                    .map(a -> a.feature() + ":" + BatchResults.number(a.value()))
                    .toList();
            outputs.add(new ReadableOutput(PREFIX + TOKENS, List.of(), List.of(String.join(" ", pairs)), List.of()));
        } else {
            row.attributions().forEach(a -> outputs.add(number(a.feature() + "_attribution", a.value())));
        }
        return outputs;
    }

    /** The cell of a column, from the line's kept outputs. */
    static String cell(List<ReadableOutput> outputs, String column) {
        return find(outputs, column)
                .map(o -> o.values().isEmpty()
                        ? String.join(" ", o.texts())
                        : BatchResults.number(o.values().get(0)))
                .orElse("");
    }

    private static Optional<ReadableOutput> find(List<ReadableOutput> outputs, String column) {
        return outputs.stream().filter(o -> o.name().equals(PREFIX + column)).findFirst();
    }

    private static ReadableOutput number(String column, double value) {
        return new ReadableOutput(PREFIX + column, List.of(value), List.of(BatchResults.number(value)), List.of());
    }
}
