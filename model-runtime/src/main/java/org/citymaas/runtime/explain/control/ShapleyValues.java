package org.citymaas.runtime.explain.control;

/**
 * Exact Shapley values of a game over {@code n} players from its value on every coalition. Coalition {@code S} is
 * the bit mask with bit {@code i} set for player {@code i}; {@code values[S]} is the model's output on the row
 * that takes player {@code i}'s input from the explained row where bit {@code i} is set and from the baseline
 * elsewhere. {@code phi_i = sum over S without i of |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S))}; the values add
 * up to {@code v(all) - v(none)} (efficiency), a player whose input equals the baseline gets 0 (dummy), two
 * players that are interchangeable get the same (symmetry).
 */
public final class ShapleyValues {

    /** Most players: 2^16 coalitions per row. */
    public static final int MAX_PLAYERS = 16;

    private ShapleyValues() {}

    /**
     * @param n players
     * @param values {@code 2^n} coalition values, read from {@code offset}
     */
    public static double[] exact(int n, double[] values, int offset) {
        if (n < 0 || n > MAX_PLAYERS) {
            throw new IllegalArgumentException("players must be 0 to " + MAX_PLAYERS + ", not " + n);
        }
        int coalitions = 1 << n;
        if (values.length - offset < coalitions) {
            throw new IllegalArgumentException(
                    "need " + coalitions + " coalition values, got " + (values.length - offset));
        }
        double[] weight = weights(n);
        double[] phi = new double[n];
        for (int s = 0; s < coalitions; s++) {
            int size = Integer.bitCount(s);
            if (size == n) {
                continue;
            }
            double v = values[offset + s];
            double w = weight[size];
            for (int i = 0; i < n; i++) {
                int bit = 1 << i;
                if ((s & bit) == 0) {
                    phi[i] += w * (values[offset + (s | bit)] - v);
                }
            }
        }
        return phi;
    }

    public static double[] exact(int n, double[] values) {
        return exact(n, values, 0);
    }

    /** {@code |S|! (n - |S| - 1)! / n!} by coalition size, i.e. {@code 1 / (n * C(n - 1, |S|))}. */
    static double[] weights(int n) {
        double[] w = new double[Math.max(n, 1)];
        double binomial = 1;
        for (int k = 0; k < n; k++) {
            w[k] = 1.0 / (n * binomial);
            binomial = binomial * (n - 1 - k) / (k + 1);
        }
        return w;
    }
}
