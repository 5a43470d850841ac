package org.citymaas.security.masking.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Trains {@link NameClassifier} on files of the person-name evaluation set: every candidate span
 * the recognizer would weigh ({@link PersonNameRecognizer#candidates}) is an example, a name where
 * it is exactly a labelled {@code PERSON_NAME}, and an L2-regularised logistic regression
 * (LIBLINEAR) learns the weights. The threshold is then the one that maximises F1 on the training
 * files. Also scores a classifier, or the rules alone, on other files, for the cross-file protocol.
 */
final class NameModelTrainer {

    private static final String FOLDER = "/masking/person-names/";
    /** LIBLINEAR's inverse regularisation strength. */
    private static final double COST = Double.parseDouble(System.getProperty("names.train.cost", "1.0"));

    private static final int FOLDS = 5;

    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};

    /** One text and its labelled name spans, each as {@code start * 1000 + end}. */
    record Text(String text, Set<Integer> names) {}

    private NameModelTrainer() {}

    /** The texts of the listed files of the evaluation set, in the form the scanner reads them. */
    static List<Text> read(List<String> files) {
        var mapper = new ObjectMapper();
        var texts = new ArrayList<Text>();
        for (var file : files) {
            var stream = NameModelTrainer.class.getResourceAsStream(FOLDER + file);
            if (stream == null) {
                throw new IllegalStateException("no such evaluation file: " + file);
            }
            try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    var node = mapper.readTree(line);
                    var text = NameTraditional.simplified(
                            Chars.halfWidth(node.get("text").asText()));
                    var names = new HashSet<Integer>();
                    for (var pii : node.path("pii")) {
                        if ("PERSON_NAME".equals(pii.get("type").asText())) {
                            var value = NameTraditional.simplified(
                                    Chars.halfWidth(pii.get("value").asText()));
                            for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
                                names.add(at * 1000 + at + value.length());
                            }
                        }
                    }
                    texts.add(new Text(text, names));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /**
     * Trains on the texts, with the threshold that has the best F1 in a {@value #FOLDS}-fold
     * cross-validation over them (the texts split by line number).
     */
    static NameClassifier train(List<Text> texts) {
        var scores = new NameModelScores.Score[THRESHOLDS.length];
        Arrays.fill(scores, new NameModelScores.Score(0, 0, 0));
        for (int fold = 0; fold < FOLDS; fold++) {
            var rest = new ArrayList<Text>();
            var held = new ArrayList<Text>();
            for (int i = 0; i < texts.size(); i++) {
                (i % FOLDS == fold ? held : rest).add(texts.get(i));
            }
            var model = fit(rest);
            for (int k = 0; k < THRESHOLDS.length; k++) {
                scores[k] = scores[k].plus(NameModelScores.score(model.at(THRESHOLDS[k]), held));
            }
        }
        for (int k = 0; k < THRESHOLDS.length && Boolean.getBoolean("names.train.folds"); k++) {
            System.out.printf("  cross-validated at %.2f: %s%n", THRESHOLDS[k], scores[k]);
        }
        int best = 0;
        for (int k = 1; k < THRESHOLDS.length; k++) {
            if (scores[k].f1() > scores[best].f1()) {
                best = k;
            }
        }
        return fit(texts).at(THRESHOLDS[best]);
    }

    /** The logistic regression on the texts' candidates, at threshold 0.5. */
    static NameClassifier fit(List<Text> texts) {
        var rules = new PersonNameRecognizer(null);
        var vectors = new ArrayList<double[]>();
        var labels = new ArrayList<Double>();
        for (var t : texts) {
            var s = t.text();
            for (int i = 0; i < s.length(); i++) {
                if (!rules.triggeredBy(s.charAt(i))) {
                    continue;
                }
                var candidates = rules.candidates(s, i);
                if (candidates == null) {
                    continue;
                }
                for (int k = 0; k < 2; k++) {
                    if (candidates[k] != null) {
                        int end = end(s, i, k);
                        vectors.add(candidates[k]);
                        labels.add(t.names().contains(i * 1000 + end) ? 1.0 : 0.0);
                    }
                }
            }
        }
        var problem = new Problem();
        problem.l = vectors.size();
        problem.n = NameFeatures.NAMES.size() + 1;
        problem.bias = 1.0;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        for (int j = 0; j < problem.l; j++) {
            var v = vectors.get(j);
            var nodes = new Feature[v.length + 1];
            for (int f = 0; f < v.length; f++) {
                nodes[f] = new FeatureNode(f + 1, v[f]);
            }
            nodes[v.length] = new FeatureNode(v.length + 1, 1.0);
            problem.x[j] = nodes;
            problem.y[j] = labels.get(j);
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        var model = Linear.train(problem, new Parameter(SolverType.L2R_LR, COST, 0.001));
        // LIBLINEAR's weights are for its first label; make them the weights of "a name"
        double sign = model.getLabels()[0] == 1 ? 1.0 : -1.0;
        var w = model.getFeatureWeights();
        var weights = new double[NameFeatures.NAMES.size()];
        for (int f = 0; f < weights.length; f++) {
            weights[f] = sign * w[f];
        }
        double bias = sign * w[weights.length];
        return new NameClassifier(weights, bias, 0.5);
    }

    /** The end of candidate k (0: one given character, 1: two) at i. */
    static int end(String s, int i, int k) {
        return i + (PersonNameRecognizer.compoundAt(s, i) ? 2 : 1) + k + 1;
    }
}
