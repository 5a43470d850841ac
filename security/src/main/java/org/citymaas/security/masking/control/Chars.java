package org.citymaas.security.masking.control;

/** Character classes the recognizers share; ASCII only where the formats are ASCII only. */
final class Chars {

    private Chars() {}

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean asciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean asciiAlnum(char c) {
        return digit(c) || asciiLetter(c);
    }

    static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean han(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    /** The character at {@code i}, or NUL outside the text, so boundary checks need no range tests. */
    static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
    }

    /** Length of the run of ASCII digits that starts at {@code i}. */
    static int digitRun(String s, int i) {
        int j = i;
        while (j < s.length() && digit(s.charAt(j))) {
            j++;
        }
        return j - i;
    }

    /** Whether a decimal fraction ({@code .5}) follows: the digits before it are an amount, not an identifier. */
    static boolean decimalTail(String s, int end) {
        return at(s, end) == '.' && digit(at(s, end + 1));
    }

    static boolean openParen(char c) {
        return c == '(' || c == '\uFF08';
    }

    static boolean closeParen(char c) {
        return c == ')' || c == '\uFF09';
    }

    /**
     * The text with full-width digits and letters (as Chinese input methods type {@code １３８}), the
     * format joiners and the ideographic space replaced by their ASCII twins. Each is one
     * UTF-16 unit, like its twin, so indices into the result are indices into the input.
     */
    static String halfWidth(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && !fullWidth(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        var chars = text.toCharArray();
        for (; i < n; i++) {
            char c = chars[i];
            if (fullWidth(c)) {
                chars[i] = c == '\u3000' ? ' ' : (char) (c - 0xFEE0);
            }
        }
        return new String(chars);
    }

    /**
     * Full-width digits, letters and the joiners of the formats ({@code ＋ － ． ＠}); not the
     * full-width punctuation every Chinese sentence has ({@code ，：（）}), which the recognizers
     * read as it is, so most texts are scanned without a copy.
     */
    static boolean fullWidth(char c) {
        if (c < '\uFF0B') {
            return c == '\u3000';
        }
        return (c >= '\uFF10' && c <= '\uFF19')
                || (c >= '\uFF21' && c <= '\uFF3A')
                || (c >= '\uFF41' && c <= '\uFF5A')
                || c == '\uFF0B'
                || c == '\uFF0D'
                || c == '\uFF0E'
                || c == '\uFF20';
    }

    /** The value's letters and digits only, upper-cased: the form validators and tokens use. */
    static String compact(String value) {
        value = halfWidth(value);
        var sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (asciiAlnum(c)) {
                sb.append(Character.toUpperCase(c));
            } else if (!Character.isWhitespace(c) && "-()+\u00B7.".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
