package org.citymaas.runtime.catalog.entity;

import java.util.List;
import java.util.Map;

/**
 * A model card's text for people in one language: the card's own fields are English, and
 * {@code translations.<language>} carries this record for another language (Chinese: {@code zh}).
 * Every part is optional in a translation; {@link ModelCard#text(String)} fills what a translation lacks
 * from the English text.
 *
 * @param title the short human name
 * @param intendedUse what it may be used for
 * @param limitations what it must not be used for, in the card's order
 * @param inputs each input's description by field name
 * @param outputs each output's description by field name
 * @param baselines each metric's baseline by metric name
 * @param trainingData the training data's description
 */
public record CardText(
        String title,
        String intendedUse,
        List<String> limitations,
        Map<String, String> inputs,
        Map<String, String> outputs,
        Map<String, String> baselines,
        String trainingData) {

    public CardText {
        limitations = limitations == null ? List.of() : List.copyOf(limitations);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        baselines = baselines == null ? Map.of() : Map.copyOf(baselines);
    }

    /** The description of an input, or an empty text. */
    public String input(String field) {
        return inputs.getOrDefault(field, "");
    }

    /** The description of an output, or an empty text. */
    public String output(String field) {
        return outputs.getOrDefault(field, "");
    }

    /** The baseline of a metric, or an empty text. */
    public String baseline(String metric) {
        return baselines.getOrDefault(metric, "");
    }
}
