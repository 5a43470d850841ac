package org.citymaas.runtime.explain.control;

import org.citymaas.runtime.catalog.entity.FieldSpec;

/**
 * The one number per row that an explanation explains, read from an output tensor's rows: for a class probability
 * output (one with labels) the probability of a given class; for any other output the row's value, or the mean of
 * its elements when it has several ({@code pm25_next_6h}: the mean of the 6 hours; Shapley values are linear in
 * the output, so this is also the mean of each hour's attributions).
 */
public final class ExplainedOutput {

    private final FieldSpec spec;
    private final int width;

    public ExplainedOutput(FieldSpec spec) {
        this.spec = spec;
        this.width = Math.max(1, spec.rowWidth());
    }

    public String name() {
        return spec.name();
    }

    public int width() {
        return width;
    }

    /** Whether it holds class probabilities (one per label). */
    public boolean classes() {
        return !spec.labels().isEmpty();
    }

    public String label(int index) {
        return index < 0 ? null : spec.labels().get(index);
    }

    /** The class with the highest probability in a row, or -1 for an output without classes. */
    public int top(float[] data, int row) {
        if (!classes()) {
            return -1;
        }
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (data[row * width + k] > data[row * width + best]) {
                best = k;
            }
        }
        return best;
    }

    /** The explained value of a row: the class's probability, or the mean of the row's elements when class -1. */
    public double value(float[] data, int row, int classIndex) {
        if (classIndex >= 0) {
            return data[row * width + classIndex];
        }
        double sum = 0;
        for (int k = 0; k < width; k++) {
            sum += data[row * width + k];
        }
        return sum / width;
    }

    /** What is explained, in words, for a card. */
    public String describe() {
        if (classes()) {
            return "the probability of the row's top class";
        }
        return width == 1 ? "the output's value" : "the mean of the output's " + width + " values";
    }
}
