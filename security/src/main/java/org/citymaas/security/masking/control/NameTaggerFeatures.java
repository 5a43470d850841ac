package org.citymaas.security.masking.control;

/**
 * The features of the person-name tagger ({@link NameTaggerModel}), one definition for the trainer in the tests and the
 * shipped inference: each character's features are 64-bit keys (a template number and up to three 16-bit values, no
 * strings). Templates: 1-5 the character and its neighbours (±2); 6-10 bigrams (p1 c, c n1, p2 p1, n1 n2, p1 n1); 11
 * the character classes of p1, c, n1 (Han, digit, Latin, punctuation, text start or end); 12 and 13 the surname
 * classes of p1, c, n1 and of p2, c (common, everyday, other, none); 14-25 HanLP's name-role frequencies ({@link
 * NameLexicon}) in log buckets: surname, given first, given last and single given of c; the word before a name of p1;
 * the word after a name of n1, n2, n3; surname of p1 and p2; given last and given first of n1; 26 a bias. Outside the
 * text a position reads {@code ^} (before) or {@code $} (after).
 */
final class NameTaggerFeatures {

    /** Keys a character. */
    static final int KEYS = 26;

    private NameTaggerFeatures() {}

    /** The features of the character at {@code i} as keys, into {@code out} (length {@link #KEYS}). */
    static void keys(String text, int i, NameLexicon lexicon, long[] out) {
        char c = text.charAt(i);
        char p1 = at(text, i - 1);
        char p2 = at(text, i - 2);
        char n1 = at(text, i + 1);
        char n2 = at(text, i + 2);
        int k = 0;
        out[k++] = key(1, c, 0, 0);
        out[k++] = key(2, p1, 0, 0);
        out[k++] = key(3, p2, 0, 0);
        out[k++] = key(4, n1, 0, 0);
        out[k++] = key(5, n2, 0, 0);
        out[k++] = key(6, p1, c, 0);
        out[k++] = key(7, c, n1, 0);
        out[k++] = key(8, p2, p1, 0);
        out[k++] = key(9, n1, n2, 0);
        out[k++] = key(10, p1, n1, 0);
        out[k++] = key(11, shape(p1), shape(c), shape(n1));
        out[k++] = key(12, surname(p1), surname(c), surname(n1));
        out[k++] = key(13, surname(p2), surname(c), 0);
        out[k++] = key(14, bucket(lexicon.surname(c)), 0, 0);
        out[k++] = key(15, bucket(lexicon.givenFirst(c)), 0, 0);
        out[k++] = key(16, bucket(lexicon.givenLast(c)), 0, 0);
        out[k++] = key(17, bucket(lexicon.givenSingle(c)), 0, 0);
        out[k++] = key(18, bucket(lexicon.before(p1)), 0, 0);
        out[k++] = key(19, bucket(lexicon.after(n1)), 0, 0);
        out[k++] = key(20, bucket(lexicon.surname(p1)), 0, 0);
        out[k++] = key(21, bucket(lexicon.surname(p2)), 0, 0);
        out[k++] = key(22, bucket(lexicon.givenLast(n1)), 0, 0);
        out[k++] = key(23, bucket(lexicon.givenFirst(n1)), 0, 0);
        out[k++] = key(24, bucket(lexicon.after(n2)), 0, 0);
        out[k++] = key(25, bucket(lexicon.after(at(text, i + 3))), 0, 0);
        out[k] = key(26, 0, 0, 0);
    }

    static long key(int template, int a, int b, int c) {
        return ((long) template << 48) | ((long) (a & 0xFFFF) << 32) | ((long) (b & 0xFFFF) << 16) | (c & 0xFFFF);
    }

    static char at(String s, int i) {
        return i < 0 ? '^' : i >= s.length() ? '$' : s.charAt(i);
    }

    /** C (common), E (everyday), S (another surname of the table) or - (none). */
    static char surname(char c) {
        return NameSurnames.triggers(c) ? (NameSurnames.common(c) ? 'C' : NameSurnames.everyday(c) ? 'E' : 'S') : '-';
    }

    /** ^ or $ (outside the text), D (digit), L (ASCII letter), H (Han) or P (anything else). */
    static char shape(char c) {
        if (c == '^' || c == '$') {
            return c;
        }
        if (Character.isDigit(c)) {
            return 'D';
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return 'L';
        }
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return 'H';
        }
        return 'P';
    }

    /** A frequency in log buckets 0-8. */
    static int bucket(int frequency) {
        return frequency <= 0 ? 0 : Math.min(8, 1 + (31 - Integer.numberOfLeadingZeros(frequency)) / 2);
    }
}
