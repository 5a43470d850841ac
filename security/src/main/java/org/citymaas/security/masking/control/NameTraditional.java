package org.citymaas.security.masking.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Traditional characters read as their simplified forms for the name recognizers ({@code 蕭大文} as {@code 萧大文},
 * {@code 鄭秀雲} as {@code 郑秀云}): the surname table, HanLP's dictionaries and the tagger know simplified text only.
 * The table is OpenCC's traditional-to-simplified character list as HanLP's portable jar ships it ({@code
 * data/dictionary/tc/t2s.txt}), its one-to-one entries within the basic plane, so indices into the simplified text are
 * indices into the input. Read once, on first use (a holder class), about 3,000 characters.
 */
final class NameTraditional {

    private static final String RESOURCE = "data/dictionary/tc/t2s.txt";

    private NameTraditional() {}

    private static final class Holder {
        static final char[] TABLE = load();
    }

    /** Whether {@code c} has a different simplified form. */
    static boolean traditional(char c) {
        return Holder.TABLE[c] != 0;
    }

    /** The text with every traditional character replaced by its simplified form (the same text where none is). */
    static String simplified(String text) {
        var table = Holder.TABLE;
        int n = text.length();
        int i = 0;
        while (i < n && table[text.charAt(i)] == 0) {
            i++;
        }
        if (i == n) {
            return text;
        }
        var chars = text.toCharArray();
        for (; i < n; i++) {
            char s = table[chars[i]];
            if (s != 0) {
                chars[i] = s;
            }
        }
        return new String(chars);
    }

    private static char[] load() {
        var table = new char[65536];
        var loader = NameTraditional.class.getClassLoader();
        try (var in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from HanLP's jar");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq == 1 && line.length() == 3 && line.charAt(0) != line.charAt(2)) {
                    table[line.charAt(0)] = line.charAt(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a simplified form that is itself listed (a chain): follow it, so that one pass is enough
        for (int c = 0; c < table.length; c++) {
            char s = table[c];
            for (int hops = 0; s != 0 && table[s] != 0 && table[s] != c && hops < 4; hops++) {
                s = table[s];
            }
            table[c] = s == c ? 0 : s;
        }
        return table;
    }
}
