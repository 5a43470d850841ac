package org.citymaas.security.masking.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;

/**
 * True and false positives and false negatives per type over labelled cases, matched by exact type
 * and span, with the errors in reading order: what the quality tests print and assert on.
 */
final class Scores {

    private final Map<PiiType, Integer> tp = new EnumMap<>(PiiType.class);
    private final Map<PiiType, Integer> fp = new EnumMap<>(PiiType.class);
    private final Map<PiiType, Integer> fn = new EnumMap<>(PiiType.class);
    private final List<String> errors = new ArrayList<>();
    private int cases;

    static Scores of(List<LabelledCase> cases, Function<String, List<Finding>> scan) {
        var scores = new Scores();
        cases.forEach(c -> scores.add(c, scan.apply(c.text())));
        return scores;
    }

    void add(LabelledCase c, List<Finding> found) {
        cases++;
        var predicted = new HashSet<>(found);
        var gold = new HashSet<>(c.labels());
        for (var p : found) {
            if (gold.contains(p)) {
                tp.merge(p.type(), 1, Integer::sum);
            } else {
                fp.merge(p.type(), 1, Integer::sum);
                errors.add("FP " + p.type() + " '" + span(c, p) + "' in " + c.text());
            }
        }
        for (var g : c.labels()) {
            if (!predicted.contains(g)) {
                fn.merge(g.type(), 1, Integer::sum);
                errors.add("FN " + g.type() + " '" + span(c, g) + "' in " + c.text());
            }
        }
    }

    /** Both sets of counts together: the combined score of several files. */
    Scores plus(Scores other) {
        var sum = new Scores();
        for (var s : List.of(this, other)) {
            s.tp.forEach((t, n) -> sum.tp.merge(t, n, Integer::sum));
            s.fp.forEach((t, n) -> sum.fp.merge(t, n, Integer::sum));
            s.fn.forEach((t, n) -> sum.fn.merge(t, n, Integer::sum));
            sum.errors.addAll(s.errors);
            sum.cases += s.cases;
        }
        return sum;
    }

    int truePositives(PiiType t) {
        return tp.getOrDefault(t, 0);
    }

    double precision(PiiType t) {
        int p = tp.getOrDefault(t, 0) + fp.getOrDefault(t, 0);
        return p == 0 ? 1.0 : tp.getOrDefault(t, 0) / (double) p;
    }

    double recall(PiiType t) {
        int g = tp.getOrDefault(t, 0) + fn.getOrDefault(t, 0);
        return g == 0 ? 1.0 : tp.getOrDefault(t, 0) / (double) g;
    }

    List<String> errors() {
        return errors;
    }

    String table(String title) {
        var sb = new StringBuilder();
        sb.append(String.format("%n%s: %d texts%n", title, cases));
        sb.append(String.format(
                "| %-12s | %5s | %4s | %4s | %9s | %6s |%n", "type", "TP", "FP", "FN", "precision", "recall"));
        sb.append("|--------------|-------|------|------|-----------|--------|\n");
        for (var type : PiiType.values()) {
            sb.append(String.format(
                    "| %-12s | %5d | %4d | %4d | %9.4f | %6.4f |%n",
                    type,
                    tp.getOrDefault(type, 0),
                    fp.getOrDefault(type, 0),
                    fn.getOrDefault(type, 0),
                    precision(type),
                    recall(type)));
        }
        return sb.toString();
    }

    private static String span(LabelledCase c, Finding f) {
        return c.text().substring(f.start(), f.end());
    }
}
