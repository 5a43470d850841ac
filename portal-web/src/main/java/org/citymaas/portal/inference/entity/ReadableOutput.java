package org.citymaas.portal.inference.entity;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One output of an answer as people read it (the model page, a batch results file).
 *
 * @param values its numbers (empty for text)
 * @param texts every element as text
 * @param labels class names of a probability output ({@code parameters.labels}), else empty
 */
public record ReadableOutput(String name, List<Double> values, List<String> texts, List<String> labels) {

    public ReadableOutput {
        values = List.copyOf(values);
        texts = List.copyOf(texts);
        labels = List.copyOf(labels);
    }

    /** A probability per label. */
    public boolean classified() {
        return !labels.isEmpty() && values.size() == labels.size();
    }

    /** Indexes of the labels, most probable first. */
    public List<Integer> ranking() {
        return IntStream.range(0, values.size())
                .boxed()
                .sorted(Comparator.comparing(values::get).reversed())
                .toList();
    }

    /** The most probable label; only for a classified output. */
    public String topLabel() {
        return labels.get(ranking().get(0));
    }

    public double topScore() {
        return values.get(ranking().get(0));
    }
}
