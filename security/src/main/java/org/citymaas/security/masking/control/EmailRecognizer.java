package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;
import static org.citymaas.security.masking.control.Chars.asciiLetter;
import static org.citymaas.security.masking.control.Chars.at;

import org.citymaas.security.masking.entity.PiiType;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -}, {@code @}, two or more DNS labels with a
 * letter TLD. A dot just before the {@code @} breaks RFC 5322's dot-atom, yet some mail providers issued such
 * addresses ({@code hdl2008.@139.com}) and people write them: they are masked as well.
 */
public final class EmailRecognizer implements Recognizer {

    @Override
    public PiiType type() {
        return PiiType.EMAIL;
    }

    @Override
    public boolean triggeredBy(char c) {
        return asciiAlnum(c);
    }

    @Override
    public int match(String s, int start) {
        int i = start;
        while (i < s.length() && i - start <= 64 && local(s.charAt(i))) {
            i++;
        }
        if (at(s, i) != '@') {
            return -1;
        }
        int labels = 0;
        int end = -1;
        int j = i + 1;
        while (true) {
            int labelStart = j;
            while (j < s.length() && (asciiAlnum(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            int len = j - labelStart;
            if (len == 0 || len > 63 || at(s, labelStart) == '-' || at(s, j - 1) == '-') {
                break;
            }
            labels++;
            if (labels >= 2 && letters(s, labelStart, j) && len >= 2) {
                end = j;
            }
            if (at(s, j) != '.' || !asciiAlnum(at(s, j + 1))) {
                break;
            }
            j++;
        }
        return end;
    }

    private static boolean local(char c) {
        return asciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean letters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!asciiLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
