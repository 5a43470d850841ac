package org.citymaas.security.masking.control;

import java.util.HashSet;
import java.util.List;
import org.citymaas.security.masking.entity.PiiType;

/**
 * Scores for {@link NameModelTrainer}: the names the whole scanner finds with a classifier (or the
 * rules alone) on labelled texts, across thresholds, how many names are candidates at all, and where
 * the classifier and the rules disagree.
 */
final class NameModelScores {

    /** Counts of found, false and missed names. */
    record Score(int tp, int fp, int fn) {
        Score plus(Score o) {
            return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        @Override
        public String toString() {
            return String.format("TP %4d FP %3d FN %3d  P %.4f R %.4f", tp, fp, fn, precision(), recall());
        }
    }

    private NameModelScores() {}

    /** Names found by the whole scanner with this classifier ({@code null}: the rules alone). */
    static Score score(NameClassifier classifier, List<NameModelTrainer.Text> texts) {
        var scanner = scanner(classifier);
        return score(scanner, classifier, texts);
    }

    /** The whole scanner with this classifier ({@code null}: the rules alone). */
    static PiiScanner scanner(NameClassifier classifier) {
        return new PiiScanner(List.of(
                new IdCardRecognizer(),
                new UsccRecognizer(),
                new MobileRecognizer(),
                new LandlineRecognizer(),
                new BankCardRecognizer(),
                new PassportRecognizer(),
                new IpAddressRecognizer(),
                new EmailRecognizer(),
                new PlateRecognizer(),
                new PersonNameRecognizer(classifier)));
    }

    private static Score score(PiiScanner scanner, NameClassifier classifier, List<NameModelTrainer.Text> texts) {
        int tp = 0;
        int fp = 0;
        int gold = 0;
        for (var t : texts) {
            gold += t.names().size();
            for (var f : scanner.scan(t.text())) {
                if (f.type() == PiiType.PERSON_NAME) {
                    if (t.names().contains(f.start() * 1000 + f.end())) {
                        tp++;
                    } else {
                        fp++;
                        if (classifier != null && Boolean.getBoolean("names.train.errors")) {
                            System.out.println("    FP " + t.text().substring(f.start(), f.end()) + " in " + t.text());
                        }
                    }
                }
            }
        }
        return new Score(tp, fp, gold - tp);
    }

    /** The scores at each threshold, for choosing one by hand. */
    static String curve(NameClassifier classifier, List<NameModelTrainer.Text> texts) {
        var out = new StringBuilder();
        for (double threshold : NameModelTrainer.THRESHOLDS) {
            out.append(String.format("  threshold %.2f: %s%n", threshold, score(classifier.at(threshold), texts)));
        }
        return out.toString();
    }

    /** How many labelled names are among the candidates at all: the most any classifier can find. */
    static String coverage(List<NameModelTrainer.Text> texts) {
        var rules = new PersonNameRecognizer(null);
        int gold = 0;
        int covered = 0;
        var missing = new StringBuilder();
        for (var t : texts) {
            var s = t.text();
            for (int name : t.names()) {
                gold++;
                int i = name / 1000;
                var candidates = rules.candidates(s, i);
                boolean found = false;
                for (int k = 0; candidates != null && k < 2; k++) {
                    found |= candidates[k] != null && i * 1000 + NameModelTrainer.end(s, i, k) == name;
                }
                if (found) {
                    covered++;
                } else if (Boolean.getBoolean("names.train.missing")) {
                    missing.append("    not a candidate: ")
                            .append(s, i, name % 1000)
                            .append(" in ")
                            .append(s)
                            .append('\n');
                }
            }
        }
        return "  candidates cover " + covered + " of " + gold + " names\n" + missing;
    }

    /** The name spans on which the classifier and the rules disagree, marked + where the span is a labelled name. */
    static String differences(NameClassifier classifier, List<NameModelTrainer.Text> texts) {
        var rules = new PiiScanner(List.of(new PersonNameRecognizer(null)));
        var model = new PiiScanner(List.of(new PersonNameRecognizer(classifier)));
        var out = new StringBuilder();
        for (var t : texts) {
            var a = new HashSet<Integer>();
            rules.scan(t.text()).forEach(f -> a.add(f.start() * 1000 + f.end()));
            var b = new HashSet<Integer>();
            model.scan(t.text()).forEach(f -> b.add(f.start() * 1000 + f.end()));
            for (int span : b) {
                if (!a.contains(span)) {
                    out.append(t.names().contains(span) ? "  model only + " : "  model only - ");
                    out.append(t.text(), span / 1000, span % 1000)
                            .append(" in ")
                            .append(t.text())
                            .append('\n');
                }
            }
            for (int span : a) {
                if (!b.contains(span)) {
                    out.append(t.names().contains(span) ? "  rules only + " : "  rules only - ");
                    out.append(t.text(), span / 1000, span % 1000)
                            .append(" in ")
                            .append(t.text())
                            .append('\n');
                }
            }
        }
        return out.toString();
    }
}
