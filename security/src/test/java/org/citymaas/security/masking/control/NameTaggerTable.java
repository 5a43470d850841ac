package org.citymaas.security.masking.control;

/**
 * A trained {@link NameTagger} frozen for speed (tenth round, a measurement only): an open-addressing table of the
 * non-zero features' keys and float weights, features computed without strings, one Viterbi pass.
 */
record NameTaggerTable(long[] keys, float[] weights, float[] trans, int features) {

    static int slot(long key, int size) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (size - 1);
    }

    /** The live keys in ascending order (index 0) and their weights, three a key (index 1), as the resource holds them. */
    private Object[] sorted() {
        var live = new long[features];
        int n = 0;
        for (long key : keys) {
            if (key != 0) {
                live[n++] = key;
            }
        }
        java.util.Arrays.sort(live);
        var w = new float[n * 3];
        for (int k = 0; k < n; k++) {
            int slot = slot(live[k], keys.length);
            while (keys[slot] != live[k]) {
                slot = (slot + 1) & (keys.length - 1);
            }
            System.arraycopy(weights, slot * 3, w, k * 3, 3);
        }
        return new Object[] {live, w};
    }

    /** The shipped form of these weights ({@link NameTaggerModel}). */
    NameTaggerModel model() {
        var s = sorted();
        return new NameTaggerModel((long[]) s[0], (float[]) s[1], trans);
    }

    /** The resource {@link NameTaggerModel#RESOURCE}: the same bytes for the same weights. */
    byte[] bytes() {
        var s = sorted();
        var live = (long[]) s[0];
        var w = (float[]) s[1];
        var out = new java.io.ByteArrayOutputStream();
        try (var data = new java.io.DataOutputStream(out)) {
            data.writeInt(NameTaggerModel.MAGIC);
            data.writeInt(NameTaggerModel.VERSION);
            data.writeInt(live.length);
            for (long key : live) {
                data.writeLong(key);
            }
            for (float f : w) {
                data.writeFloat(f);
            }
            for (float f : trans) {
                data.writeFloat(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The best tags of the text (O, B, I), as {@link NameTagger#decode} gives them. */
    int[] decode(String text, NameLexicon lexicon) {
        int n = text.length();
        var tags = new int[n];
        if (n == 0) {
            return tags;
        }
        var keysAt = new long[NameTagger.KEYS];
        var delta = new float[n * 3];
        var back = new byte[n * 3];
        int size = keys.length;
        for (int i = 0; i < n; i++) {
            NameTagger.keys(text, i, lexicon, keysAt);
            float e0 = 0;
            float e1 = 0;
            float e2 = 0;
            for (long key : keysAt) {
                int slot = slot(key, size);
                while (keys[slot] != 0 && keys[slot] != key) {
                    slot = (slot + 1) & (size - 1);
                }
                if (keys[slot] == key) {
                    e0 += weights[slot * 3];
                    e1 += weights[slot * 3 + 1];
                    e2 += weights[slot * 3 + 2];
                }
            }
            float[] emit = {e0, e1, e2};
            for (int t = 0; t < 3; t++) {
                float best;
                int arg = 0;
                if (i == 0) {
                    best = t == 2 ? Float.NEGATIVE_INFINITY : trans[9 + t];
                } else {
                    best = Float.NEGATIVE_INFINITY;
                    for (int p = 0; p < 3; p++) {
                        if (t == 2 && p == 0) {
                            continue;
                        }
                        float v = delta[(i - 1) * 3 + p] + trans[p * 3 + t];
                        if (v > best) {
                            best = v;
                            arg = p;
                        }
                    }
                }
                delta[i * 3 + t] = best + emit[t];
                back[i * 3 + t] = (byte) arg;
            }
        }
        int last = 0;
        for (int t = 1; t < 3; t++) {
            if (delta[(n - 1) * 3 + t] > delta[(n - 1) * 3 + last]) {
                last = t;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            tags[i] = last;
            last = back[i * 3 + last];
        }
        return tags;
    }
}
