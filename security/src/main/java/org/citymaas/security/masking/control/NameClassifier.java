package org.citymaas.security.masking.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * A logistic regression over candidate name spans ({@link NameFeatures}): the probability that a
 * span is a person's name is the logistic function of a weighted sum of its features. Of the spans
 * at one start (one or two given-name characters), the likelier is the name if it reaches the
 * threshold. The weights and the threshold come from {@value #RESOURCE}, written by the trainer in
 * the tests ({@code NameModelTrainer}) from the person-name evaluation set's development files.
 */
final class NameClassifier {

    /** The model resource: one {@code name<TAB>value} line a feature, plus {@code bias} and {@code threshold}. */
    static final String RESOURCE = "/masking/person-name-model.tsv";

    private final double[] weights;
    private final double bias;
    private final double threshold;

    NameClassifier(double[] weights, double bias, double threshold) {
        if (weights.length != NameFeatures.NAMES.size()) {
            throw new IllegalArgumentException(
                    "expected " + NameFeatures.NAMES.size() + " weights, got " + weights.length);
        }
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
    }

    /**
     * The classifier of {@link #RESOURCE}.
     *
     * @throws IllegalStateException where the resource is missing or lacks a feature's weight
     */
    static NameClassifier load() {
        var stream = NameClassifier.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("person-name model not on the class path: " + RESOURCE);
        }
        return read(stream);
    }

    /** The classifier in the form of {@link #RESOURCE} that the stream holds; closes the stream. */
    static NameClassifier read(InputStream stream) {
        var values = new HashMap<String, Double>();
        try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    var parts = line.split("\t");
                    values.put(parts[0], Double.parseDouble(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        var weights = new double[NameFeatures.NAMES.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = required(values, NameFeatures.NAMES.get(i));
        }
        return new NameClassifier(weights, required(values, "bias"), required(values, "threshold"));
    }

    private static double required(HashMap<String, Double> values, String name) {
        var value = values.get(name);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " has no value for " + name);
        }
        return value;
    }

    /** The probability that the span these features describe is a name. */
    double probability(double[] features) {
        double sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * features[i];
        }
        return 1.0 / (1.0 + Math.exp(-sum));
    }

    /**
     * The end of the name among the candidates (index 0: one given character, 1: two) whose given
     * name starts at {@code given}, or -1 where none reaches the threshold.
     */
    int end(int given, double[][] candidates) {
        int best = -1;
        double top = threshold;
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null) {
                double p = probability(candidates[i]);
                if (p >= top) {
                    top = p;
                    best = given + i + 1;
                }
            }
        }
        return best;
    }

    /** The same weights with another threshold. */
    NameClassifier at(double threshold) {
        return new NameClassifier(weights, bias, threshold);
    }

    /** The model in the form of {@link #RESOURCE}, headed by the comment lines given. */
    String resource(String comment) {
        var out = new StringBuilder();
        comment.lines().forEach(l -> out.append("# ").append(l).append('\n'));
        for (int i = 0; i < weights.length; i++) {
            out.append(NameFeatures.NAMES.get(i))
                    .append('\t')
                    .append(weights[i])
                    .append('\n');
        }
        out.append("bias\t").append(bias).append('\n');
        out.append("threshold\t").append(threshold).append('\n');
        return out.toString();
    }
}
