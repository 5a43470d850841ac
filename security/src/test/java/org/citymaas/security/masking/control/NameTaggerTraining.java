package org.citymaas.security.masking.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citymaas.security.masking.entity.Finding;
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
@EnabledIfSystemProperty(named = "names.tagger", matches = "cv|ship|speed")
class NameTaggerTraining {

    static final double[] ADD = {0, 5, 10, 20, 40, 60, 80, 120};
    static final double[] VETO = {-10, -20, -30, -40, -80, -120, -160, Double.NEGATIVE_INFINITY};

    /** The tagger's training files: the classifier's development files ({@link NameModelTraining#DEVELOPMENT}). */
    static final List<String> FILES = NameModelTraining.DEVELOPMENT;

    static final int EPOCHS = 10;

    /** The tagger trained on {@link #FILES}, frozen: what {@link NameTaggerModel#RESOURCE} holds. */
    static NameTaggerTable train() {
        var tagger = new NameTagger();
        var train = new ArrayList<NameTagger.Sequence>();
        for (var text : NameModelTrainer.read(FILES)) {
            train.add(tagger.sequence(text.text(), text.names()));
        }
        tagger.train(train, EPOCHS);
        return tagger.freeze();
    }

    /**
     * {@code -Dnames.tagger=ship}: trains the tagger on the development files and writes {@link
     * NameTaggerModel#RESOURCE}; prints how often the shipped inference (clause by clause) tags a text as the frozen
     * table does (whole text) and the shipped tagger's speed alone.
     */
    @Test
    void ship() throws IOException {
        if ("speed".equals(System.getProperty("names.tagger"))) {
            speed(new NameTaggerPass(NameTaggerModel.shipped(), NameTaggerPass.ADD, NameTaggerPass.VETO));
            return;
        }
        if (!"ship".equals(System.getProperty("names.tagger"))) {
            return;
        }
        var table = train();
        var out = Path.of("src/main/resources" + NameTaggerModel.RESOURCE);
        Files.createDirectories(out.getParent());
        Files.write(out, table.bytes());
        var model = NameTaggerModel.read(Files.newInputStream(out));
        var pass = new NameTaggerPass(model, NameTaggerPass.ADD, NameTaggerPass.VETO);
        var texts = NameModelTrainer.read(FILES);
        var lexicon = NameLexicon.instance();
        int same = 0;
        for (var text : texts) {
            if (new HashSet<>(NameTagger.spans(table.decode(text.text(), lexicon)))
                    .equals(new HashSet<>(pass.spans(text.text())))) {
                same++;
            }
        }
        System.out.printf(
                "wrote %s: %d bytes, %d features; same spans as the frozen table on %d of %d texts%n",
                out.toAbsolutePath(), Files.size(out), model.features(), same, texts.size());
        speed(pass);
    }

    /** The tagger's speed on the hotline texts of the masking benchmark (CPU time, one thread). */
    private static void speed(NameTaggerPass pass) throws IOException {
        List<String> hotline;
        try (var in = NameTaggerTraining.class.getResourceAsStream("/masking/hotline.txt")) {
            hotline = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        }
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        var scanner = new PiiScanner(recognizers(NameClassifier.load()), null);
        long perRound = 0;
        for (var line : hotline) {
            perRound += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        int repeat = 300;
        for (int round = 0; round < 5; round++) {
            long bytes = perRound * repeat;
            long cpu = bean.getCurrentThreadCpuTime();
            for (int r = 0; r < repeat; r++) {
                for (var text : hotline) {
                    pass.spans(text);
                }
            }
            double all = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
            cpu = bean.getCurrentThreadCpuTime();
            for (int r = 0; r < repeat; r++) {
                for (var text : hotline) {
                    pass.refine(text, scanner.scan(text));
                }
            }
            double scanRefine = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
            cpu = bean.getCurrentThreadCpuTime();
            for (int r = 0; r < repeat; r++) {
                for (var text : hotline) {
                    scanner.scan(text);
                }
            }
            double scan = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(
                    "hotline, round %d: tagger over every clause %.1f MB/s CPU; scanner %.1f MB/s, scanner + tagger pass %.1f"
                            + " MB/s%n",
                    round, bytes / 1e6 / all, bytes / 1e6 / scan, bytes / 1e6 / scanRefine);
        }
    }

    /**
     * {@code -Dnames.tagger=cv}: leave-one-file-out over {@link #FILES}. In each fold the tagger is trained on the other
     * files and frozen into the shipped form ({@link NameTaggerModel}, {@link NameTaggerPass}), the classifier refitted on
     * them; the held-out file is scored with the recognizers, the tagger alone and every combination of the grid.
     */
    @Test
    void crossValidate() {
        if (!"cv".equals(System.getProperty("names.tagger"))) {
            return;
        }
        var files = FILES;
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
        System.out.println("tagger features: " + tagger.features() + ", epochs " + EPOCHS + ", files " + files);
        var zero = new NameModelScores.Score(0, 0, 0);
        var alone = zero;
        var rules = zero;
        var shipped = zero;
        var both = new NameModelScores.Score[ADD.length][VETO.length];
        for (var row : both) {
            java.util.Arrays.fill(row, zero);
        }
        for (int f = 0; f < files.size(); f++) {
            var train = new ArrayList<NameTagger.Sequence>();
            var trainTexts = new ArrayList<NameModelTrainer.Text>();
            for (int g = 0; g < files.size(); g++) {
                if (g != f) {
                    train.addAll(sequences.get(g));
                    trainTexts.addAll(texts.get(g));
                }
            }
            tagger.train(train, EPOCHS);
            var pass = new NameTaggerPass(tagger.freeze().model(), NameTaggerPass.ADD, NameTaggerPass.VETO);
            var recognizers = recognizers(NameModelTrainer.fit(trainTexts).at(0.45));
            var scanner = new PiiScanner(recognizers, null);
            var chosen = new PiiScanner(recognizers, pass);
            var fAlone = zero;
            var fRules = zero;
            var fShipped = zero;
            var fBoth = new NameModelScores.Score[ADD.length][VETO.length];
            for (var row : fBoth) {
                java.util.Arrays.fill(row, zero);
            }
            for (var text : texts.get(f)) {
                var gold = text.names();
                var tagged = pass.spans(text.text());
                fAlone = fAlone.plus(count(new HashSet<>(tagged), gold));
                var findings = scanner.scan(text.text());
                var found = names(findings);
                fRules = fRules.plus(count(found, gold));
                fShipped = fShipped.plus(count(names(chosen.scan(text.text())), gold));
                var extra = new ArrayList<double[]>();
                for (int span : tagged) {
                    int from = span / 1000;
                    int to = span % 1000;
                    if (NameTaggerPass.plausible(text.text(), from, to) && free(findings, from, to)) {
                        extra.add(new double[] {span, pass.margin(text.text(), from, to)});
                    }
                }
                var margins = new java.util.HashMap<Integer, Float>();
                for (int span : found) {
                    margins.put(span, pass.margin(text.text(), span / 1000, span % 1000));
                }
                for (int v = 0; v < VETO.length; v++) {
                    var kept = new HashSet<Integer>();
                    for (int span : found) {
                        if (margins.get(span) >= VETO[v]) {
                            kept.add(span);
                        }
                    }
                    for (int a = 0; a < ADD.length; a++) {
                        var union = new HashSet<>(kept);
                        for (var e : extra) {
                            if (e[1] >= ADD[a]) {
                                union.add((int) e[0]);
                            }
                        }
                        fBoth[a][v] = fBoth[a][v].plus(count(union, gold));
                    }
                }
            }
            System.out.printf(
                    "fold %-16s%n  tagger alone: %s%n  recognizer:   %s%n  shipped pass: %s%n",
                    files.get(f), fAlone, fRules, fShipped);
            for (int a = 0; a < ADD.length; a++) {
                for (int v = 0; v < VETO.length; v++) {
                    both[a][v] = both[a][v].plus(fBoth[a][v]);
                }
            }
            alone = alone.plus(fAlone);
            rules = rules.plus(fRules);
            shipped = shipped.plus(fShipped);
        }
        System.out.printf(
                "ALL FOLDS%n  tagger alone: %s%n  recognizer:   %s%n  shipped pass (add >= %.0f, veto < %.0f): %s%n",
                alone, rules, NameTaggerPass.ADD, NameTaggerPass.VETO, shipped);
        for (int a = 0; a < ADD.length; a++) {
            for (int v = 0; v < VETO.length; v++) {
                System.out.printf("  + margin >= %4.0f, - margin < %4.0f: %s%n", ADD[a], VETO[v], both[a][v]);
            }
        }
    }

    private static Set<Integer> names(List<Finding> findings) {
        var found = new HashSet<Integer>();
        for (var finding : findings) {
            if (finding.type() == PiiType.PERSON_NAME) {
                found.add(finding.start() * 1000 + finding.end());
            }
        }
        return found;
    }

    /** The whole scanner's recognizers as shipped ({@link PiiScanner#PiiScanner()}), with this name classifier. */
    static List<Recognizer> recognizers(NameClassifier classifier) {
        return List.of(
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
                new MinorityNameRecognizer());
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

    /** No finding covers {@code [from, to)} or the characters either side. */
    private static boolean free(List<Finding> findings, int from, int to) {
        for (var f : findings) {
            if (f.start() < to + 1 && f.end() > from - 1) {
                return false;
            }
        }
        return true;
    }
}
