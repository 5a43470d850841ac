package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.closeParen;
import static org.citymaas.security.masking.control.Chars.digit;
import static org.citymaas.security.masking.control.Chars.digitRun;
import static org.citymaas.security.masking.control.Chars.openParen;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Fixed-line numbers with an area code (010, 02x, 0[3-9]xx), written {@code 010-12345678},
 * {@code (0755) 1234567}, {@code 021 1234 5678} or run together, with an optional extension
 * ({@code -123}, {@code 转123}, {@code 转 123}, {@code 分机123}, {@code ext.123}).
 */
public final class LandlineRecognizer implements Recognizer {

    @Override
    public PiiType type() {
        return PiiType.CN_LANDLINE;
    }

    @Override
    public boolean triggeredBy(char c) {
        return c == '0' || openParen(c);
    }

    @Override
    public int match(String s, int start) {
        boolean paren = openParen(at(s, start));
        int i = paren ? start + 1 : start;
        int area = areaCodeLength(s, i);
        if (area == 0) {
            return -1;
        }
        int run = digitRun(s, i);
        int end;
        if (paren) {
            if (run != area || !closeParen(at(s, i + area))) {
                return -1;
            }
            int j = i + area + 1;
            j = at(s, j) == ' ' || at(s, j) == '-' ? j + 1 : j;
            end = subscriber(s, j, area);
        } else if (run == area) {
            char sep = at(s, i + area);
            end = sep == ' ' || sep == '-' ? subscriber(s, i + area + 1, area) : -1;
        } else {
            end = run == area + 8 || (area == 4 && run == 11) ? i + run : -1;
            end = end > 0 && firstSubscriberDigit(at(s, i + area)) ? end : -1;
        }
        return end < 0 ? -1 : extension(s, end);
    }

    /** 3 for 010 and 02x, 4 for 0[3-9]xx, otherwise 0. */
    private static int areaCodeLength(String s, int i) {
        if (at(s, i) != '0') {
            return 0;
        }
        char second = at(s, i + 1);
        if (second == '1') {
            return at(s, i + 2) == '0' ? 3 : 0;
        }
        if (second == '2') {
            return digit(at(s, i + 2)) ? 3 : 0;
        }
        return second >= '3' && second <= '9' && digit(at(s, i + 2)) && digit(at(s, i + 3)) ? 4 : 0;
    }

    private static int subscriber(String s, int i, int area) {
        if (!firstSubscriberDigit(at(s, i))) {
            return -1;
        }
        int run = digitRun(s, i);
        if (run == 8 || (run == 7 && area == 4)) {
            return i + run;
        }
        if (run == 4 || run == 3) {
            char sep = at(s, i + run);
            if ((sep == '-' || sep == ' ') && digitRun(s, i + run + 1) == 4 && (run == 4 || area == 4)) {
                return i + run + 5;
            }
        }
        return -1;
    }

    private static boolean firstSubscriberDigit(char c) {
        return c >= '2' && c <= '8';
    }

    /** Extends the match over an extension, if one follows; digits right after the number reject it. */
    private static int extension(String s, int end) {
        if (digit(at(s, end)) || Chars.decimalTail(s, end)) {
            return -1;
        }
        int i;
        if (at(s, end) == '-') {
            i = end + 1;
        } else {
            int j = at(s, end) == ' ' ? end + 1 : end;
            if (at(s, j) == '\u8F6C') {
                i = j + 1;
            } else if (s.startsWith("\u5206\u673A", j)) {
                i = j + 2;
            } else if (s.regionMatches(true, j, "ext", 0, 3)) {
                i = at(s, j + 3) == '.' ? j + 4 : j + 3;
            } else {
                return end;
            }
            i = at(s, i) == ' ' ? i + 1 : i;
        }
        int run = digitRun(s, i);
        return run >= 1 && run <= 6 ? i + run : end;
    }
}
