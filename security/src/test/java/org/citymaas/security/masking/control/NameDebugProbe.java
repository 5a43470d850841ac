package org.citymaas.security.masking.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints, for sentences given on the command line, the evidence the person-name recognizer weighs at each surname
 * character: both likelihood scores, the classifier's probabilities where it is asked, the match and whether each
 * reading is possible at all; and, for words, the dictionaries' counts. A tool for reading errors by kind, no test:
 * {@code -Dnames.probe='句子一|句子二' -Dnames.words=永年,春来}.
 */
@EnabledIfSystemProperty(named = "names.probe", matches = ".+")
class NameDebugProbe {
    private static String natures(String w) {
        var core = com.hankcs.hanlp.dictionary.CoreDictionary.get(w);
        var custom = com.hankcs.hanlp.dictionary.CustomDictionary.get(w);
        return (core == null ? "-" : java.util.Arrays.toString(core.nature) + java.util.Arrays.toString(core.frequency))
                + "/"
                + (custom == null ? "-" : java.util.Arrays.toString(custom.nature));
    }

    @Test
    void probe() {
        var likelihood = new NameLikelihood();
        var recognizer = new PersonNameRecognizer();
        var classifier = NameClassifier.load();
        var lex = NameLexicon.instance();
        for (var w : System.getProperty("names.words", "").split(",")) {
            if (w.isEmpty()) continue;
            System.out.printf(
                    "W %s natures=%s wordGivenName=%d word=%d givenFirst=%d givenLast=%d surname=%d before=%d%n",
                    w,
                    natures(w),
                    lex.wordGivenName(w, 0, w.length()),
                    lex.wordFrequency(w, 0, w.length()),
                    lex.givenFirst(w.charAt(0)),
                    lex.givenLast(w.charAt(w.length() - 1)),
                    lex.surname(w.charAt(0)),
                    lex.before(w.charAt(0)));
        }
        for (var raw : System.getProperty("names.probe").split("\\|")) {
            var s = Chars.halfWidth(raw);
            System.out.println("== " + s);
            for (int i = 0; i < s.length(); i++) {
                int surname = NameSurnames.length(s, i);
                if (surname <= 0) continue;
                double one = likelihood.score(s, i, surname, 1);
                double two = likelihood.score(s, i, surname, 2);
                var c = recognizer.candidates(s, i);
                String p = c == null
                        ? "-"
                        : (c[0] == null ? "x" : String.format("%.3f", classifier.probability(c[0]))) + "/"
                                + (c[1] == null ? "x" : String.format("%.3f", classifier.probability(c[1])));
                int m = recognizer.match(s, i);
                System.out.printf(
                        "  %d %s one=%.2f two=%.2f cls=%s match=%s possible1=%s possible2=%s covers=%s role=%s end=%d%n",
                        i,
                        s.substring(i, Math.min(s.length(), i + surname + 2)),
                        one,
                        two,
                        p,
                        m < 0 ? "-" : s.substring(i, m),
                        NameSpans.possible(s, i, surname, 1),
                        NameSpans.possible(s, i, surname, 2),
                        NameLookalikes.covers(s, i),
                        NameCues.role(s, i),
                        likelihood.end(s, i, surname));
            }
        }
    }
}
