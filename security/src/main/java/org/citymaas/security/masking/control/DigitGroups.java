package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.digit;
import static org.citymaas.security.masking.control.Chars.digitRun;

/** Matches digits written in groups ({@code 138 1234 5678}, {@code 6222-0212-3456-7890}). */
final class DigitGroups {

    private DigitGroups() {}

    /**
     * The end of the groups of exactly these lengths starting at {@code start}, separated by one
     * space or one dash used the same way throughout (one group: no separator), or -1. The caller
     * checks what follows.
     */
    static int match(String s, int start, int... lengths) {
        int i = start;
        char sep = 0;
        for (int g = 0; g < lengths.length; g++) {
            if (g > 0) {
                char c = at(s, i);
                if (g == 1 && (c == ' ' || c == '-')) {
                    sep = c;
                }
                if (sep == 0 || c != sep) {
                    return -1;
                }
                i++;
            }
            if (digitRun(s, i) != lengths[g]) {
                return -1;
            }
            i += lengths[g];
        }
        return i;
    }

    /** The digits of {@code s[start, end)} without separators. */
    static char[] digits(String s, int start, int end) {
        var out = new char[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (digit(c) || c == 'X' || c == 'x') {
                out[n++] = c;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
