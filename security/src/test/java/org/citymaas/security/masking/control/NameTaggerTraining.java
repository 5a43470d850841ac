package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the tenth round's experiment on demand ({@code -Dnames.tagger=cv}): leave-one-file-out cross-validation of
 * {@link NameTagger} over the development files, alone and combined with the recognizer. In each fold the
 * recognizer's classifier is refitted on the nine training files too (at the shipped threshold 0.45, {@code
 * -Dnames.tagger.classifier=shipped} keeps the shipped model), so only the hand-written rules are in-sample.
 * Combinations: the tagger's spans the scanner did not find, filtered by the surname table and the look-alike
 * rules, added where the tagger's margin reaches a threshold; and the recognizer's spans the tagger rejects by a
 * margin, removed. See the security README, "Tenth round".
 */
@EnabledIfSystemProperty(named = "names.tagger", matches = "cv|heldout")
class NameTaggerTraining {

    static final double[] ADD = {0, 5, 10, 20, 40, 60, 80, 120};
    static final double[] VETO = {-10, -20, -40, -80, -120, -160, Double.NEGATIVE_INFINITY};

    /** The combination chosen by the cross-validation: add spans with margin >= 60, remove those with margin < -80. */
    static final double CHOSEN_ADD = 60;

    static final double CHOSEN_VETO = -80;

    /**
     * {@code -Dnames.tagger=heldout -Dnames.tagger.score=a.jsonl,b.jsonl}: trains the tagger on all development files
     * and scores the listed files once (counts only, no errors): the shipped recognizer, the tagger alone and the
     * chosen combination. Prints the tagger's speed and how many weights are not zero.
     */
    @Test
    void heldOut() {
        if (!"heldout".equals(System.getProperty("names.tagger"))) {
            return;
        }
        var tagger = new NameTagger();
        var train = new ArrayList<NameTagger.Sequence>();
        for (var text : NameModelTrainer.read(NameModelTraining.DEVELOPMENT)) {
            train.add(tagger.sequence(text.text(), text.names()));
        }
        tagger.train(train, Integer.getInteger("names.tagger.epochs", 10));
        System.out.println("tagger features: " + tagger.features() + ", weights not zero: " + tagger.nonZero());
        long chars = 0;
        long started = System.nanoTime();
        for (var s : train) {
            var again = tagger.sequence(s.text(), java.util.Set.of());
            tagger.decode(again.features(), null);
            chars += s.text().length();
        }
        System.out.printf(
                "tagger speed (features and Viterbi, no margins): %.2f us a character%n",
                (System.nanoTime() - started) / 1e3 / chars);
        var frozen = tagger.freeze();
        var lexicon = NameLexicon.instance();
        int same = 0;
        for (var s : train) {
            if (java.util.Arrays.equals(frozen.decode(s.text(), lexicon), tagger.decode(s.features(), null))) {
                same++;
            }
        }
        System.out.printf(
                "frozen tagger: %d features in a table of %d slots; same tags as the trained one on %d of %d"
                        + " texts%n",
                frozen.features(), frozen.keys().length, same, train.size());
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            chars = 0;
            long cpu = bean.getCurrentThreadCpuTime();
            long bytes = 0;
            for (var s : train) {
                frozen.decode(s.text(), lexicon);
                chars += s.text().length();
                bytes += s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            double seconds = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(
                    "frozen tagger, round %d: %.3f us a character (CPU), %.1f MB/s CPU%n",
                    round, seconds * 1e6 / chars, bytes / 1e6 / seconds);
        }
        var scanner = new PiiScanner();
        for (var file : System.getProperty("names.tagger.score", "").split(",")) {
            if (file.isBlank()) {
                continue;
            }
            var rules = new NameModelScores.Score(0, 0, 0);
            var alone = rules;
            var chosen = rules;
            for (var text : NameModelTrainer.read(List.of(file))) {
                var r = combine(tagger, scanner, text, CHOSEN_ADD, CHOSEN_VETO);
                rules = rules.plus(r[0]);
                alone = alone.plus(r[1]);
                chosen = chosen.plus(r[2]);
            }
            System.out.printf(
                    "%s%n  recognizer:   %s%n  tagger alone: %s%n  combination:  %s%n", file, rules, alone, chosen);
        }
    }

    /** The recognizer's, the tagger's and the combination's counts on one text. */
    private static NameModelScores.Score[] combine(
            NameTagger tagger, PiiScanner scanner, NameModelTrainer.Text text, double add, double veto) {
        var seq = tagger.sequence(text.text(), java.util.Set.of());
        var gold = text.names();
        var tagged = NameTagger.spans(tagger.decode(seq.features(), null));
        var covered = new boolean[text.text().length()];
        var found = new HashSet<Integer>();
        for (var finding : scanner.scan(text.text())) {
            java.util.Arrays.fill(covered, finding.start(), finding.end(), true);
            if (finding.type() == PiiType.PERSON_NAME) {
                found.add(finding.start() * 1000 + finding.end());
            }
        }
        var union = new HashSet<Integer>();
        for (int span : found) {
            if (tagger.margin(seq.features(), span / 1000, span % 1000) >= veto) {
                union.add(span);
            }
        }
        for (int span : tagged) {
            int from = span / 1000;
            int to = span % 1000;
            if (free(covered, from, to)
                    && plausible(text.text(), from, to)
                    && tagger.margin(seq.features(), from, to) >= add) {
                union.add(span);
            }
        }
        return new NameModelScores.Score[] {count(found, gold), count(new HashSet<>(tagged), gold), count(union, gold)};
    }

    @Test
    void crossValidate() {
        if (!"cv".equals(System.getProperty("names.tagger"))) {
            return;
        }
        int epochs = Integer.getInteger("names.tagger.epochs", 10);
        var files = NameModelTraining.DEVELOPMENT;
        var tagger = new NameTagger();
        var texts = new ArrayList<List<NameModelTrainer.Text>>();
        var sequences = new ArrayList<List<NameTagger.Sequence>>();
        for (var file : files) {
            var t = NameModelTrainer.read(List.of(file));
            texts.add(t);
            var s = new ArrayList<NameTagger.Sequence>();
            for (var text : t) {
                s.add(tagger.sequence(text.text(), text.names()));
            }
            sequences.add(s);
        }
        System.out.println("tagger features: " + tagger.features() + ", epochs " + epochs);
        var alone = new NameModelScores.Score(0, 0, 0);
        var rules = alone;
        var added = new NameModelScores.Score[ADD.length];
        var vetoed = new NameModelScores.Score[VETO.length];
        var both = new NameModelScores.Score[ADD.length][VETO.length];
        for (var row : both) {
            java.util.Arrays.fill(row, alone);
        }
        java.util.Arrays.fill(added, alone);
        java.util.Arrays.fill(vetoed, alone);
        boolean shipped = "shipped".equals(System.getProperty("names.tagger.classifier"));
        for (int f = 0; f < files.size(); f++) {
            var train = new ArrayList<NameTagger.Sequence>();
            var trainTexts = new ArrayList<NameModelTrainer.Text>();
            for (int g = 0; g < files.size(); g++) {
                if (g != f) {
                    train.addAll(sequences.get(g));
                    trainTexts.addAll(texts.get(g));
                }
            }
            long started = System.nanoTime();
            tagger.train(train, epochs);
            long trained = System.nanoTime();
            var classifier = shipped
                    ? NameClassifier.load()
                    : NameModelTrainer.fit(trainTexts).at(0.45);
            var scanner = scanner(classifier);
            var fAlone = new NameModelScores.Score(0, 0, 0);
            var fRules = fAlone;
            var fAdded = new NameModelScores.Score[ADD.length];
            var fVetoed = new NameModelScores.Score[VETO.length];
            java.util.Arrays.fill(fAdded, fAlone);
            java.util.Arrays.fill(fVetoed, fAlone);
            for (int k = 0; k < texts.get(f).size(); k++) {
                var text = texts.get(f).get(k);
                var seq = sequences.get(f).get(k);
                var gold = text.names();
                var tagged = NameTagger.spans(tagger.decode(seq.features(), null));
                fAlone = fAlone.plus(count(new HashSet<>(tagged), gold));
                var findings = scanner.scan(text.text());
                var covered = new boolean[text.text().length()];
                var found = new HashSet<Integer>();
                for (var finding : findings) {
                    java.util.Arrays.fill(covered, finding.start(), finding.end(), true);
                    if (finding.type() == PiiType.PERSON_NAME) {
                        found.add(finding.start() * 1000 + finding.end());
                    }
                }
                fRules = fRules.plus(count(found, gold));
                var extra = new ArrayList<double[]>();
                for (int span : tagged) {
                    int from = span / 1000;
                    int to = span % 1000;
                    if (free(covered, from, to) && plausible(text.text(), from, to)) {
                        extra.add(new double[] {span, tagger.margin(seq.features(), from, to)});
                    }
                }
                for (int a = 0; a < ADD.length; a++) {
                    var union = new HashSet<>(found);
                    for (var e : extra) {
                        if (e[1] >= ADD[a]) {
                            union.add((int) e[0]);
                        }
                    }
                    fAdded[a] = fAdded[a].plus(count(union, gold));
                }
                var margins = new java.util.HashMap<Integer, Double>();
                for (int span : found) {
                    margins.put(span, tagger.margin(seq.features(), span / 1000, span % 1000));
                }
                for (int v = 0; v < VETO.length; v++) {
                    var kept = new HashSet<Integer>();
                    for (int span : found) {
                        if (margins.get(span) >= VETO[v]) {
                            kept.add(span);
                        }
                    }
                    fVetoed[v] = fVetoed[v].plus(count(kept, gold));
                    for (int a = 0; a < ADD.length; a++) {
                        var union = new HashSet<>(kept);
                        for (var e : extra) {
                            if (e[1] >= ADD[a]) {
                                union.add((int) e[0]);
                            }
                        }
                        both[a][v] = both[a][v].plus(count(union, gold));
                    }
                }
            }
            System.out.printf(
                    "fold %-16s (trained in %.1f s)%n  tagger alone: %s%n  recognizer:   %s%n",
                    files.get(f), (trained - started) / 1e9, fAlone, fRules);
            for (int a = 0; a < ADD.length; a++) {
                System.out.printf("  + tagger spans, margin >= %4.0f: %s%n", ADD[a], fAdded[a]);
                added[a] = added[a].plus(fAdded[a]);
            }
            for (int v = 0; v < VETO.length; v++) {
                System.out.printf("  - recognizer spans, margin < %4.0f: %s%n", VETO[v], fVetoed[v]);
                vetoed[v] = vetoed[v].plus(fVetoed[v]);
            }
            alone = alone.plus(fAlone);
            rules = rules.plus(fRules);
        }
        System.out.printf("ALL FOLDS%n  tagger alone: %s%n  recognizer:   %s%n", alone, rules);
        for (int a = 0; a < ADD.length; a++) {
            System.out.printf("  + tagger spans, margin >= %4.0f: %s%n", ADD[a], added[a]);
        }
        for (int v = 0; v < VETO.length; v++) {
            System.out.printf("  - recognizer spans, margin < %4.0f: %s%n", VETO[v], vetoed[v]);
        }
        for (int a = 0; a < ADD.length; a++) {
            for (int v = 0; v < VETO.length; v++) {
                System.out.printf("  + margin >= %4.0f, - margin < %4.0f: %s%n", ADD[a], VETO[v], both[a][v]);
            }
        }
    }

    /** The whole scanner as shipped ({@link PiiScanner#PiiScanner()}), with this name classifier. */
    private static PiiScanner scanner(NameClassifier classifier) {
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
                new PersonNameRecognizer(classifier),
                new MinorityNameRecognizer()));
    }

    private static NameModelScores.Score count(Set<Integer> found, Set<Integer> gold) {
        int tp = 0;
        for (int span : found) {
            if (gold.contains(span)) {
                tp++;
            }
        }
        return new NameModelScores.Score(tp, found.size() - tp, gold.size() - tp);
    }

    private static boolean free(boolean[] covered, int from, int to) {
        for (int i = Math.max(0, from - 1); i < Math.min(covered.length, to + 1); i++) {
            if (covered[i]) {
                return false;
            }
        }
        return true;
    }

    /** The existing validation: a surname of the table opens it, 2-4 characters, no look-alike speaks against it. */
    private static boolean plausible(String text, int from, int to) {
        int surname = NameSurnames.length(text, from);
        return to - from >= 2
                && to - from <= 4
                && surname > 0
                && to - from > surname
                && !NameSurnames.insideCompound(text, from)
                && !NameLookalikes.covers(text, from)
                && !NameLookalikes.around(text, from, to)
                && !NameLookalikes.everydayWord(text, from);
    }
}
