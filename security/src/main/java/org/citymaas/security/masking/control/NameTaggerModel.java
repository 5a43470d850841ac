package org.citymaas.security.masking.control;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The person-name sequence tagger's weights (issue 9, tenth and eleventh rounds), frozen for inference: an averaged
 * structured perceptron over characters tagged O, B (a name's first character) or I (inside a name), with the features
 * of {@link NameTaggerFeatures}, first-order transitions and Viterbi decoding ({@link NameTaggerViterbi}). The weights
 * come from {@value #RESOURCE}, written reproducibly by the trainer in the tests ({@code NameTaggerTraining}, {@code
 * -Dnames.tagger=ship}) from the person-name evaluation set's development files. At load the weights are folded for
 * speed: a feature keeps the weights of B and I less that of O (adding one number to a character's three scores changes
 * neither the best path nor a margin); everything that depends on one character (the character itself as c, p1, p2, n1,
 * n2 or n3, its lexicon buckets) becomes one row of sums per character and role; the character classes and surname
 * classes are small dense tables; the bigrams are looked up by pair ({@link NameTaggerPairs}). Immutable and
 * thread-safe.
 */
final class NameTaggerModel {

    /** The weights: magic, version, n, n sorted keys, n times 3 weights (O, B, I), 12 transitions (from O, B, I, start). */
    static final String RESOURCE = "/masking/person-name-tagger.bin";

    static final int MAGIC = 0x434d4e54;
    static final int VERSION = 1;
    static final int TAGS = 3;
    /** Two values a feature: the weights of B and I less that of O (adding one number to a character's three changes no
     * path's rank nor any margin). */
    private static final int W = 2;
    /** Six roles of a character: c, p1, p2, n1, n2, n3; two values each. */
    private static final int ROW = 6 * W;

    private static final int[][] ROLE_TEMPLATES = {
        {1, 14, 15, 16, 17}, {2, 18, 20}, {3, 21}, {4, 19, 22, 23}, {5, 24}, {25}
    };
    private static final byte[] CLASS = new byte[65536];

    static {
        for (int c = 0; c < CLASS.length; c++) {
            CLASS[c] = (byte) (shapeIndex(NameTaggerFeatures.shape((char) c)) * 4
                    + "-CES".indexOf(NameTaggerFeatures.surname((char) c)));
        }
    }

    private final char[] rowOf = new char[65536];
    private final float[] rows;
    private final float[] shapes = new float[6 * 6 * 6 * W];
    private final float[] surnames3 = new float[4 * 4 * 4 * W];
    private final float[] surnames2 = new float[4 * 4 * W];
    private final float[] bias = new float[W];
    /** The bigram features. */
    private final NameTaggerPairs pairs;
    /** From O, B, I and the start (rows) to O, B, I. */
    final float[] trans;

    private final int features;

    private static final class Shipped {
        static final NameTaggerModel MODEL = load();
    }

    /** The model of {@link #RESOURCE}, read once. */
    static NameTaggerModel shipped() {
        return Shipped.MODEL;
    }

    private static NameTaggerModel load() {
        var stream = NameTaggerModel.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("person-name tagger not on the class path: " + RESOURCE);
        }
        return read(stream);
    }

    /** The model in the form of {@link #RESOURCE} that the stream holds; closes the stream. */
    static NameTaggerModel read(InputStream stream) {
        try (var in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalStateException(RESOURCE + " is no person-name tagger of version " + VERSION);
            }
            int n = in.readInt();
            var keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = in.readLong();
            }
            var weights = new float[n * TAGS];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            var trans = new float[(TAGS + 1) * TAGS];
            for (int i = 0; i < trans.length; i++) {
                trans[i] = in.readFloat();
            }
            return new NameTaggerModel(keys, weights, trans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * A model of these features' keys (none zero, none twice), their weights (three a key: O, B, I) and the transitions
     * (from O, B, I and the start, to O, B, I).
     */
    NameTaggerModel(long[] keys, float[] weights, float[] trans) {
        this.trans = trans.clone();
        this.features = keys.length;
        int size = Integer.highestOneBit(Math.max(4, keys.length * 2)) << 1;
        var all = new long[size];
        var allWeights = new float[size * TAGS];
        for (int k = 0; k < keys.length; k++) {
            int slot = find(all, keys[k]);
            all[slot] = keys[k];
            System.arraycopy(weights, k * TAGS, allWeights, slot * TAGS, TAGS);
        }
        pairs = new NameTaggerPairs(keys, weights);
        var lexicon = NameLexicon.instance();
        var grown = new float[ROW * 8192];
        int used = 1;
        rowFill(all, allWeights, lexicon, '\uE000', grown, 0);
        var row = new float[ROW];
        for (int c = 0; c < 65536; c++) {
            rowFill(all, allWeights, lexicon, (char) c, row, 0);
            if (!java.util.Arrays.equals(row, 0, ROW, grown, 0, ROW)) {
                if ((used + 1) * ROW > grown.length) {
                    grown = java.util.Arrays.copyOf(grown, grown.length * 2);
                }
                System.arraycopy(row, 0, grown, used * ROW, ROW);
                rowOf[c] = (char) used++;
            }
        }
        rows = java.util.Arrays.copyOf(grown, used * ROW);
        String shapeChars = "^$DLHP";
        String surnameChars = "-CES";
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                for (int c = 0; c < 6; c++) {
                    add(
                            all,
                            allWeights,
                            NameTaggerFeatures.key(
                                    11, shapeChars.charAt(a), shapeChars.charAt(b), shapeChars.charAt(c)),
                            shapes,
                            ((a * 6 + b) * 6 + c) * W);
                }
            }
        }
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 4; c++) {
                    add(
                            all,
                            allWeights,
                            NameTaggerFeatures.key(
                                    12, surnameChars.charAt(a), surnameChars.charAt(b), surnameChars.charAt(c)),
                            surnames3,
                            ((a * 4 + b) * 4 + c) * W);
                }
                add(
                        all,
                        allWeights,
                        NameTaggerFeatures.key(13, surnameChars.charAt(a), surnameChars.charAt(b), 0),
                        surnames2,
                        (a * 4 + b) * W);
            }
        }
        add(all, allWeights, NameTaggerFeatures.key(26, 0, 0, 0), bias, 0);
    }

    /** How many features have a weight. */
    int features() {
        return features;
    }

    /**
     * The emission scores (O, B, I) of the characters {@code [from, to)} of the text into {@code out}, three a
     * character from index 0; the features read the whole text.
     */
    void emissions(String text, int from, int to, float[] out) {
        int n = text.length();
        var adjacent = pairs.adjacentValues;
        var skip = pairs.skipValues;
        // the neighbouring pairs that start at i - 2, i - 1, i and i + 1
        int a2 = pairs.adjacent(NameTaggerFeatures.at(text, from - 2), NameTaggerFeatures.at(text, from - 1));
        int a1 = pairs.adjacent(NameTaggerFeatures.at(text, from - 1), NameTaggerFeatures.at(text, from));
        int a0 = pairs.adjacent(NameTaggerFeatures.at(text, from), NameTaggerFeatures.at(text, from + 1));
        int an = pairs.adjacent(NameTaggerFeatures.at(text, from + 1), NameTaggerFeatures.at(text, from + 2));
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            char p1 = i >= 1 ? text.charAt(i - 1) : '^';
            char p2 = i >= 2 ? text.charAt(i - 2) : '^';
            char n1 = i + 1 < n ? text.charAt(i + 1) : '$';
            char n2 = i + 2 < n ? text.charAt(i + 2) : '$';
            char n3 = i + 3 < n ? text.charAt(i + 3) : '$';
            int rc = rowOf[c] * ROW;
            int r1 = rowOf[p1] * ROW + 2;
            int r2 = rowOf[p2] * ROW + 4;
            int r3 = rowOf[n1] * ROW + 6;
            int r4 = rowOf[n2] * ROW + 8;
            int r5 = rowOf[n3] * ROW + 10;
            int kc = CLASS[c];
            int k1 = CLASS[p1];
            int k2 = CLASS[p2];
            int kn = CLASS[n1];
            int s = (((k1 >> 2) * 6 + (kc >> 2)) * 6 + (kn >> 2)) * W;
            int s3 = (((k1 & 3) * 4 + (kc & 3)) * 4 + (kn & 3)) * W;
            int s2 = ((k2 & 3) * 4 + (kc & 3)) * W;
            float e1 = bias[0]
                    + rows[rc]
                    + rows[r1]
                    + rows[r2]
                    + rows[r3]
                    + rows[r4]
                    + rows[r5]
                    + shapes[s]
                    + surnames3[s3]
                    + surnames2[s2];
            float e2 = bias[1]
                    + rows[rc + 1]
                    + rows[r1 + 1]
                    + rows[r2 + 1]
                    + rows[r3 + 1]
                    + rows[r4 + 1]
                    + rows[r5 + 1]
                    + shapes[s + 1]
                    + surnames3[s3 + 1]
                    + surnames2[s2 + 1];
            if (a1 >= 0) { // p1 c
                e1 += adjacent[a1];
                e2 += adjacent[a1 + 1];
            }
            if (a0 >= 0) { // c n1
                e1 += adjacent[a0 + 2];
                e2 += adjacent[a0 + 3];
            }
            if (a2 >= 0) { // p2 p1
                e1 += adjacent[a2 + 4];
                e2 += adjacent[a2 + 5];
            }
            if (an >= 0) { // n1 n2
                e1 += adjacent[an + 6];
                e2 += adjacent[an + 7];
            }
            int k = pairs.skip(p1, n1);
            if (k >= 0) {
                e1 += skip[k];
                e2 += skip[k + 1];
            }
            int o = (i - from) * TAGS;
            out[o] = 0;
            out[o + 1] = e1;
            out[o + 2] = e2;
            a2 = a1;
            a1 = a0;
            a0 = an;
            an = pairs.adjacent(n2, n3);
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        int slot = slot(key, mask);
        while (table[slot] != 0 && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static void add(long[] table, float[] weights, long key, float[] out, int at) {
        int slot = find(table, key);
        if (table[slot] == key) {
            float o = weights[slot * TAGS];
            out[at] += weights[slot * TAGS + 1] - o;
            out[at + 1] += weights[slot * TAGS + 2] - o;
        }
    }

    /** The sums of one character's six roles (c, p1, p2, n1, n2, n3) into {@code out} from {@code at}. */
    private static void rowFill(long[] table, float[] weights, NameLexicon lexicon, char c, float[] out, int at) {
        java.util.Arrays.fill(out, at, at + ROW, 0f);
        for (int role = 0; role < ROLE_TEMPLATES.length; role++) {
            for (int template : ROLE_TEMPLATES[role]) {
                add(
                        table,
                        weights,
                        NameTaggerFeatures.key(template, value(template, c, lexicon), 0, 0),
                        out,
                        at + role * W);
            }
        }
    }

    /** The value a one-character template takes for the character. */
    private static int value(int template, char c, NameLexicon lexicon) {
        return switch (template) {
            case 1, 2, 3, 4, 5 -> c;
            case 14, 20, 21 -> NameTaggerFeatures.bucket(lexicon.surname(c));
            case 15, 23 -> NameTaggerFeatures.bucket(lexicon.givenFirst(c));
            case 16, 22 -> NameTaggerFeatures.bucket(lexicon.givenLast(c));
            case 17 -> NameTaggerFeatures.bucket(lexicon.givenSingle(c));
            case 18 -> NameTaggerFeatures.bucket(lexicon.before(c));
            default -> NameTaggerFeatures.bucket(lexicon.after(c)); // 19, 24, 25
        };
    }

    private static int shapeIndex(char shape) {
        return "^$DLHP".indexOf(shape);
    }
}
