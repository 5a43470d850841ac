package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;
import static org.citymaas.security.masking.control.Chars.asciiLetter;
import static org.citymaas.security.masking.control.Chars.digit;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;

/**
 * Finds PII in one left-to-right pass. Each character looks up the recognizers it can start (a
 * table built once), so text with nothing to trigger costs one array read per character. Where
 * several match, the longest wins, and on a tie the one listed first (an ID number before a bank
 * card or a credit code). Matches never overlap. Thread-safe and allocation-free except for the
 * findings.
 */
public final class PiiScanner {

    private static final Recognizer[] NONE = new Recognizer[0];
    /**
     * Marks full-width digits and letters in the table, and traditional characters where a name recognizer listens:
     * the text is re-read in ASCII form, and in simplified form for the names ({@link NameTraditional}).
     */
    private static final Recognizer[] FULL_WIDTH = new Recognizer[0];

    private final Recognizer[][] byChar = new Recognizer[65536][];
    /** The person-name tagger over the findings, or {@code null}. */
    private final NameTaggerPass names;
    /** Whether traditional characters are read as simplified ones (a name recognizer or the tagger listens). */
    private final boolean simplify;

    /**
     * The built-in recognizers, in priority order, and the person-name tagger over their findings ({@link
     * NameTaggerPass}; {@code -Dcitymaas.masking.nameTagger=false} leaves it out).
     */
    public PiiScanner() {
        this(
                List.of(
                        new IdCardRecognizer(),
                        new UsccRecognizer(),
                        new MobileRecognizer(),
                        new LandlineRecognizer(),
                        new BankCardRecognizer(),
                        new PassportRecognizer(),
                        new IpAddressRecognizer(),
                        new EmailRecognizer(),
                        new PlateRecognizer(),
                        new PersonNameRecognizer(),
                        new MinorityNameRecognizer()),
                NameTaggerPass.shipped());
    }

    /** These recognizers alone. */
    public PiiScanner(List<Recognizer> recognizers) {
        this(recognizers, null);
    }

    /** These recognizers and the person-name tagger over their findings ({@code null}: none). */
    PiiScanner(List<Recognizer> recognizers, NameTaggerPass names) {
        this.names = names;
        this.simplify = names != null || recognizers.stream().anyMatch(r -> r.type() == PiiType.PERSON_NAME);
        var list = new ArrayList<Recognizer>();
        for (int c = 0; c < byChar.length; c++) {
            list.clear();
            for (var r : recognizers) {
                if (r.triggeredBy((char) c)) {
                    list.add(r);
                }
            }
            boolean reread = Chars.fullWidth((char) c) || (simplify && NameTraditional.traditional((char) c));
            byChar[c] = reread ? FULL_WIDTH : list.isEmpty() ? null : list.toArray(NONE);
        }
    }

    /**
     * The findings in order; full-width digits and letters are read as their ASCII forms, and where names are looked
     * for, traditional characters as their simplified forms.
     */
    public List<Finding> scan(String input) {
        var text = input;
        var findings = new ArrayList<Finding>(4);
        int n = text.length();
        int i = 0;
        char prev = 0;
        while (i < n) {
            char c = text.charAt(i);
            var candidates = byChar[c];
            if (candidates == FULL_WIDTH && text == input) {
                // rare: start over on the ASCII (and simplified) form, which has the same indices
                text = Chars.halfWidth(input);
                if (simplify) {
                    text = NameTraditional.simplified(text);
                }
                findings.clear();
                i = 0;
                prev = 0;
                continue;
            }
            if (candidates == null || candidates == FULL_WIDTH || !startable(c, prev)) {
                prev = c;
                i++;
                continue;
            }
            int bestEnd = -1;
            Recognizer best = null;
            for (var r : candidates) {
                int end = r.match(text, i);
                if (end > bestEnd) {
                    bestEnd = end;
                    best = r;
                }
            }
            if (best != null) {
                findings.add(new Finding(best.type(), i, bestEnd));
                prev = text.charAt(bestEnd - 1);
                i = bestEnd;
            } else {
                i = skipRun(text, i, c);
                prev = text.charAt(i - 1);
            }
        }
        return names == null ? findings : names.refine(text, findings);
    }

    /** Nothing starts inside a run of digits, nor at a letter inside a word of ASCII letters and digits. */
    private static boolean startable(char c, char prev) {
        if (digit(c)) {
            return !digit(prev);
        }
        return !asciiLetter(c) || !asciiAlnum(prev);
    }

    /** Past the rest of a digit run or a letter run, where no match can start. */
    private static int skipRun(String text, int i, char c) {
        int j = i + 1;
        if (digit(c)) {
            while (j < text.length() && digit(text.charAt(j))) {
                j++;
            }
        } else if (asciiLetter(c)) {
            while (j < text.length() && asciiLetter(text.charAt(j))) {
                j++;
            }
        }
        return j;
    }
}
