package org.citymaas.runtime.catalog.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        inputs = ordered(inputs);
        outputs = ordered(outputs);
        baselines = ordered(baselines);
    }

    /** An unmodifiable copy in the given order (so a card written again keeps its order from run to run). */
    private static Map<String, String> ordered(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, String>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return Collections.unmodifiableMap(copy);
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

    /**
     * This translation laid over the English text: English for every part it lacks (a limitation list is
     * taken whole, from the translation only when it has as many entries as the English one).
     */
    CardText over(CardText english) {
        return new CardText(
                either(title, english.title()),
                either(intendedUse, english.intendedUse()),
                wholeLimitations(english) ? limitations : english.limitations(),
                merged(english.inputs(), inputs),
                merged(english.outputs(), outputs),
                merged(english.baselines(), baselines),
                either(trainingData, english.trainingData()));
    }

    /** Whether this translation has every part the English text has, the training data's description aside. */
    boolean covers(CardText english) {
        return !blank(title)
                && !blank(intendedUse)
                && wholeLimitations(english)
                && complete(english.inputs(), inputs)
                && complete(english.outputs(), outputs)
                && complete(english.baselines(), baselines);
    }

    private boolean wholeLimitations(CardText english) {
        return limitations.size() == english.limitations().size()
                && limitations.stream().noneMatch(CardText::blank);
    }

    private static Map<String, String> merged(Map<String, String> english, Map<String, String> translated) {
        var result = new LinkedHashMap<String, String>();
        english.forEach((k, v) -> result.put(k, either(translated.get(k), v)));
        return result;
    }

    private static boolean complete(Map<String, String> english, Map<String, String> translated) {
        return english.keySet().stream().noneMatch(k -> blank(translated.get(k)));
    }

    private static String either(String translated, String english) {
        return blank(translated) ? english : translated;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
