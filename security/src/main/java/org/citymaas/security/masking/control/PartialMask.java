package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Masks a value in place, keeping its shape (length, separators) and only the characters a reader
 * needs to tell values apart: {@code 138****5678}, {@code z******@163.com}, {@code 张**}.
 */
public final class PartialMask {

    private PartialMask() {}

    public static String apply(PiiType type, String value) {
        int n = significant(value, false);
        return switch (type) {
            case CN_MOBILE -> keep(value, Math.max(3, n - 8), 4);
            case CN_LANDLINE -> keep(value, areaCodeLength(value), 0);
            case CN_ID_CARD -> keep(value, 1, 1);
            case BANK_CARD -> keep(value, 4, 4);
            case CN_USCC -> keep(value, 2, 1);
            case PASSPORT -> keep(value, 1, 2);
            case CN_PLATE -> keep(value, 2, 1, true);
            case PERSON_NAME -> keep(value, 1, 0, true);
            case EMAIL -> email(value);
            case IP_ADDRESS -> ip(value);
        };
    }

    /** Every letter, digit and ideograph replaced by {@code *}: for values of no known type. */
    public static String all(String value) {
        return keep(value, 0, 0, true);
    }

    static String keep(String value, int first, int last) {
        return keep(value, first, last, false);
    }

    /**
     * Keeps the first {@code first} and last {@code last} significant characters (letters and
     * digits; ideographs only where they are the value, as in a name, not a marker like 转 or 分机),
     * masks the others.
     */
    static String keep(String value, int first, int last, boolean ideographs) {
        int total = significant(value, ideographs);
        if (first + last >= total) {
            first = 0;
            last = 0;
        }
        var out = new StringBuilder(value.length());
        int k = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSignificant(c, ideographs)) {
                out.append(k >= first && k < total - last ? '*' : c);
                k++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int areaCodeLength(String value) {
        var digits = Chars.compact(value);
        return digits.startsWith("01") || digits.startsWith("02") ? 3 : 4;
    }

    private static String email(String value) {
        int at = Chars.halfWidth(value).indexOf('@');
        return keep(value.substring(0, at), 1, 0) + value.substring(at);
    }

    private static String ip(String value) {
        var ascii = Chars.halfWidth(value);
        int second = ascii.indexOf('.', ascii.indexOf('.') + 1);
        return value.substring(0, second) + keep(value.substring(second), 0, 0);
    }

    private static int significant(String value, boolean ideographs) {
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            n += isSignificant(value.charAt(i), ideographs) ? 1 : 0;
        }
        return n;
    }

    private static boolean isSignificant(char c, boolean ideographs) {
        return asciiAlnum(c) || (Character.isLetterOrDigit(c) && (ideographs || !Chars.han(c)));
    }
}
