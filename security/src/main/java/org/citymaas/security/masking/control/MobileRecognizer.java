package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.closeParen;
import static org.citymaas.security.masking.control.Chars.digit;
import static org.citymaas.security.masking.control.Chars.digitRun;
import static org.citymaas.security.masking.control.Chars.openParen;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Mainland mobile numbers: 11 digits with a 13x-19x prefix, written whole or 3-4-4 with
 * spaces or dashes, optionally after {@code +86}, {@code 86}, {@code 0086} or {@code (+86)}.
 */
public final class MobileRecognizer implements Recognizer {

    /**
     * Every 13x-19x prefix, not only those allocated today: numbers come out of new ranges every year
     * (19x, 16x, the 14x data-only and the 17x virtual-operator blocks), and a hotline operator types a
     * caller's number as it was said. Masking an 11-digit number that is not yet a phone costs nothing;
     * keeping a phone that is, is an incident.
     */
    private static final boolean[] PREFIXES = new boolean[1000];

    static {
        for (int p = 130; p <= 199; p++) {
            PREFIXES[p] = true;
        }
    }

    @Override
    public PiiType type() {
        return PiiType.CN_MOBILE;
    }

    @Override
    public boolean triggeredBy(char c) {
        return c == '1' || c == '8' || c == '0' || c == '+' || openParen(c);
    }

    @Override
    public int match(String s, int start) {
        int body = afterCountryCode(s, start);
        if (body < 0) {
            return -1;
        }
        int end = subscriber(s, body);
        if (end < 0 && body != start && at(s, start) == '8') {
            end = subscriber(s, start);
        }
        return end > 0 && !Chars.decimalTail(s, end) ? end : -1;
    }

    /** Where the 11 digits begin: after a country code, or {@code start} itself; -1 if none fits. */
    private static int afterCountryCode(String s, int start) {
        char c = at(s, start);
        int i;
        if (openParen(c)) {
            i = start + 1;
            i = at(s, i) == '+' ? i + 1 : i;
            if (at(s, i) != '8' || at(s, i + 1) != '6' || !closeParen(at(s, i + 2))) {
                return -1;
            }
            i += 3;
        } else if (c == '+' || c == '0') {
            i = c == '+' ? start + 1 : start + 2;
            if ((c == '0' && at(s, start + 1) != '0') || at(s, i) != '8' || at(s, i + 1) != '6') {
                return -1;
            }
            i += 2;
        } else if (c == '8') {
            if (at(s, start + 1) != '6') {
                return start;
            }
            i = start + 2;
        } else {
            return start;
        }
        char sep = at(s, i);
        return sep == ' ' || sep == '-' ? i + 1 : i;
    }

    private static int subscriber(String s, int i) {
        if (at(s, i) != '1' || !digit(at(s, i + 1)) || !digit(at(s, i + 2))) {
            return -1;
        }
        if (!PREFIXES[(at(s, i) - '0') * 100 + (at(s, i + 1) - '0') * 10 + (at(s, i + 2) - '0')]) {
            return -1;
        }
        int run = digitRun(s, i);
        if (run == 11) {
            return i + 11;
        }
        return run == 3 ? DigitGroups.match(s, i, 3, 4, 4) : -1;
    }
}
