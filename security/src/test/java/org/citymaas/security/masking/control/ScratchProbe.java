package org.citymaas.security.masking.control;

import org.junit.jupiter.api.Test;

class ScratchProbe {
    @Test
    void probe() {
        var lx = NameLexicon.instance();
        String chars = System.getProperty("probe.chars", "");
        for (char c : chars.toCharArray()) {
            String s = String.valueOf(c);
            System.out.println("PROBE " + c + " table=" + NameSurnames.triggers(c) + " surname=" + lx.surname(c)
                    + " word=" + lx.wordFrequency(s, 0, 1) + " gf=" + lx.givenFirst(c) + " gl=" + lx.givenLast(c)
                    + " gs=" + lx.givenSingle(c));
        }
        for (String w : System.getProperty("probe.words", "").split(",")) {
            if (w.isEmpty()) continue;
            System.out.println("PROBE " + w + " word=" + lx.wordFrequency(w, 0, w.length()) + " givenName="
                    + lx.wordGivenName(w, 0, w.length()) + " place=" + lx.place(w, 0, w.length()));
        }
        var r = new PersonNameRecognizer();
        var scanner = new PiiScanner();
        for (String t : System.getProperty("probe.texts", "").split("\\|")) {
            if (t.isEmpty()) continue;
            System.out.println("PROBE " + t + " -> " + scanner.scan(t));
            var lk = new NameLikelihood();
            int sn = NameSurnames.length(t, 0);
            if (sn > 0) {
                System.out.println("PROBE   score1=" + lk.score(t, 0, sn, 1) + " score2=" + lk.score(t, 0, sn, 2)
                        + " possible2=" + NameLikelihood.possible(t, 0, sn, 2) + " end=" + lk.end(t, 0, sn));
                var c = r.candidates(t, 0);
                var cl = NameClassifier.load();
                if (c != null) for (var v : c) System.out.println("PROBE   p=" + (v == null ? "-" : cl.probability(v)));
            }
        }
    }
}
