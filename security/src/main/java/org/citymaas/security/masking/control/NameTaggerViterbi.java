package org.citymaas.security.masking.control;

/**
 * Viterbi decoding of the person-name tagger ({@link NameTaggerModel}) over one clause's emission scores (three a
 * character: O, B, I), and the best score under constraints (for a span's margin). A clause that does not open the text
 * follows a separator read as O; one that does not close it is followed by one (the transition into O is added), so a
 * clause decodes as the whole text would where the separators are O. No I after O or at the start. Allocation-free: the
 * caller passes the work arrays.
 */
final class NameTaggerViterbi {

    static final int O = 0;
    static final int B = 1;
    static final int I = 2;
    private static final int START = 3;

    private NameTaggerViterbi() {}

    /** The best tags of the clause's {@code n} characters into {@code tags}; {@code back} holds 3n. */
    static void decode(
            float[] trans, float[] emit, int n, boolean opensText, boolean closesText, byte[] back, byte[] tags) {
        if (n == 0) {
            return;
        }
        int from = opensText ? START : O;
        float d0 = trans[from * 3] + emit[0];
        float d1 = trans[from * 3 + 1] + emit[1];
        float d2 = Float.NEGATIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            int e = i * 3;
            // to O
            float v0 = d0 + trans[0];
            float v1 = d1 + trans[3];
            float v2 = d2 + trans[6];
            int a0 = v1 > v0 ? (v2 > v1 ? 2 : 1) : (v2 > v0 ? 2 : 0);
            float n0 = Math.max(v0, Math.max(v1, v2)) + emit[e];
            // to B
            v0 = d0 + trans[1];
            v1 = d1 + trans[4];
            v2 = d2 + trans[7];
            int a1 = v1 > v0 ? (v2 > v1 ? 2 : 1) : (v2 > v0 ? 2 : 0);
            float n1 = Math.max(v0, Math.max(v1, v2)) + emit[e + 1];
            // to I: from B or I only
            v1 = d1 + trans[5];
            v2 = d2 + trans[8];
            int a2 = v2 > v1 ? 2 : 1;
            float n2 = Math.max(v1, v2) + emit[e + 2];
            back[e] = (byte) a0;
            back[e + 1] = (byte) a1;
            back[e + 2] = (byte) a2;
            d0 = n0;
            d1 = n1;
            d2 = n2;
        }
        if (!closesText) {
            d0 += trans[0];
            d1 += trans[3];
            d2 += trans[6];
        }
        int last = d1 > d0 ? (d2 > d1 ? 2 : 1) : (d2 > d0 ? 2 : 0);
        for (int i = n - 1; i >= 0; i--) {
            tags[i] = (byte) last;
            last = back[i * 3 + last];
        }
    }

    /**
     * The best score of the clause with {@code [a, b)} a name (B, then I, then O after it, {@code name}) or with it
     * outside any name (all O).
     */
    static float best(
            float[] trans, float[] emit, int n, boolean opensText, boolean closesText, int a, int b, boolean name) {
        int from = opensText ? START : O;
        float d0 = allowed(0, O, a, b, name) ? trans[from * 3] + emit[0] : Float.NEGATIVE_INFINITY;
        float d1 = allowed(0, B, a, b, name) ? trans[from * 3 + 1] + emit[1] : Float.NEGATIVE_INFINITY;
        float d2 = Float.NEGATIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            int e = i * 3;
            float n0 = allowed(i, O, a, b, name)
                    ? Math.max(d0 + trans[0], Math.max(d1 + trans[3], d2 + trans[6])) + emit[e]
                    : Float.NEGATIVE_INFINITY;
            float n1 = allowed(i, B, a, b, name)
                    ? Math.max(d0 + trans[1], Math.max(d1 + trans[4], d2 + trans[7])) + emit[e + 1]
                    : Float.NEGATIVE_INFINITY;
            float n2 = allowed(i, I, a, b, name)
                    ? Math.max(d1 + trans[5], d2 + trans[8]) + emit[e + 2]
                    : Float.NEGATIVE_INFINITY;
            d0 = n0;
            d1 = n1;
            d2 = n2;
        }
        if (!closesText) {
            d0 += trans[0];
            d1 += trans[3];
            d2 += trans[6];
        }
        return Math.max(d0, Math.max(d1, d2));
    }

    private static boolean allowed(int i, int tag, int a, int b, boolean name) {
        if (name) {
            return i == a ? tag == B : i > a && i < b ? tag == I : i != b || tag == O;
        }
        return i < a || i >= b || tag == O;
    }
}
