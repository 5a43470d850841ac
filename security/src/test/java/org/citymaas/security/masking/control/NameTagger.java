package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character-level sequence tagger of person names (tenth round, tried): tags O, B (a name's first
 * character) and I (inside a name), an averaged structured perceptron with first-order transitions
 * and Viterbi decoding. Features: the character, its neighbours (±2), bigrams around it, whether it
 * and its neighbours are in the surname table, HanLP's name-role frequencies ({@link NameLexicon}:
 * surname, given first, given last, single given, the word before and after a name) in log buckets,
 * and the character class (Han, digit, Latin, punctuation). Test scope only: see the security README,
 * "Tenth round".
 */
final class NameTagger {

    static final int O = 0;
    static final int B = 1;
    static final int I = 2;
    private static final int TAGS = 3;

    /** Feature keys to indices, shared by all folds (a feature never seen in training keeps weight 0). */
    private final Map<Long, Integer> index = new HashMap<>();

    static final int KEYS = NameTaggerFeatures.KEYS;

    /** The features of the character at {@code i} ({@link NameTaggerFeatures#keys}). */
    static void keys(String text, int i, NameLexicon lexicon, long[] out) {
        NameTaggerFeatures.keys(text, i, lexicon, out);
    }

    /**
     * The trained weights not zero, frozen into an open-addressing table of keys (what a shipped model would load), and
     * the transitions.
     */
    NameTaggerTable freeze() {
        int n = 0;
        var live = new ArrayList<Map.Entry<Long, Integer>>();
        for (var e : index.entrySet()) {
            int f = e.getValue();
            if (f * TAGS < weights.length
                    && (weights[f * TAGS] != 0 || weights[f * TAGS + 1] != 0 || weights[f * TAGS + 2] != 0)) {
                live.add(e);
                n++;
            }
        }
        int size = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
        var keys = new long[size];
        var w = new float[size * TAGS];
        for (var e : live) {
            int slot = NameTaggerTable.slot(e.getKey(), size);
            while (keys[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            keys[slot] = e.getKey();
            for (int t = 0; t < TAGS; t++) {
                w[slot * TAGS + t] = (float) weights[e.getValue() * TAGS + t];
            }
        }
        var tr = new float[(TAGS + 1) * TAGS];
        for (int p = 0; p <= TAGS; p++) {
            for (int t = 0; t < TAGS; t++) {
                tr[p * TAGS + t] = (float) trans[p][t];
            }
        }
        return new NameTaggerTable(keys, w, tr, n);
    }

    private double[] weights = new double[0];
    private double[] totals = new double[0];
    private long[] stamps = new long[0];
    private final double[][] trans = new double[TAGS + 1][TAGS];
    private final double[][] transTotals = new double[TAGS + 1][TAGS];
    private final long[][] transStamps = new long[TAGS + 1][TAGS];
    private long clock = 1;

    /** A text turned into feature indices per character, with its gold tags. */
    record Sequence(String text, int[][] features, int[] gold) {}

    Sequence sequence(String text, java.util.Set<Integer> names) {
        var gold = new int[text.length()];
        for (int span : names) {
            int from = span / 1000;
            int to = span % 1000;
            gold[from] = B;
            for (int i = from + 1; i < to; i++) {
                gold[i] = I;
            }
        }
        var features = new int[text.length()][];
        var lexicon = NameLexicon.instance();
        var keys = new long[KEYS];
        for (int i = 0; i < text.length(); i++) {
            keys(text, i, lexicon, keys);
            var ids = new int[KEYS];
            for (int k = 0; k < KEYS; k++) {
                ids[k] = index.computeIfAbsent(keys[k], key -> index.size());
            }
            features[i] = ids;
        }
        return new Sequence(text, features, gold);
    }

    /** Forgets all weights (before the next fold). */
    void reset() {
        weights = new double[index.size() * TAGS];
        totals = new double[weights.length];
        stamps = new long[weights.length];
        for (int p = 0; p <= TAGS; p++) {
            Arrays.fill(trans[p], 0);
            Arrays.fill(transTotals[p], 0);
            Arrays.fill(transStamps[p], 0);
        }
        clock = 1;
    }

    /** Trains for some epochs over the sequences (in a fixed shuffled order: reproducible), then averages. */
    void train(List<Sequence> sequences, int epochs) {
        reset();
        var order = new ArrayList<>(sequences);
        var random = new java.util.Random(20261207L);
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (var s : order) {
                var guess = decode(s.features(), null);
                if (!Arrays.equals(guess, s.gold())) {
                    update(s, s.gold(), 1);
                    update(s, guess, -1);
                }
                clock++;
            }
        }
        average();
    }

    private void update(Sequence s, int[] tags, double delta) {
        int prev = TAGS;
        for (int i = 0; i < tags.length; i++) {
            for (int f : s.features()[i]) {
                int k = f * TAGS + tags[i];
                totals[k] += (clock - stamps[k]) * weights[k];
                stamps[k] = clock;
                weights[k] += delta;
            }
            transTotals[prev][tags[i]] += (clock - transStamps[prev][tags[i]]) * trans[prev][tags[i]];
            transStamps[prev][tags[i]] = clock;
            trans[prev][tags[i]] += delta;
            prev = tags[i];
        }
    }

    private void average() {
        for (int k = 0; k < weights.length; k++) {
            totals[k] += (clock - stamps[k]) * weights[k];
            weights[k] = totals[k] / clock;
        }
        for (int p = 0; p <= TAGS; p++) {
            for (int t = 0; t < TAGS; t++) {
                transTotals[p][t] += (clock - transStamps[p][t]) * trans[p][t];
                trans[p][t] = transTotals[p][t] / clock;
            }
        }
    }

    /** The best tags; {@code forced} (may be null) fixes the tag where it is not -1. */
    int[] decode(int[][] features, int[] forced) {
        return viterbi(features, forced, null);
    }

    /** The score of the best reading with {@code forced} tags (null: none). */
    double best(int[][] features, int[] forced) {
        var score = new double[1];
        viterbi(features, forced, score);
        return score[0];
    }

    /**
     * How much better the best reading with {@code [from, to)} a name is than the best one with it all O (positive:
     * the tagger prefers the name).
     */
    double margin(int[][] features, int from, int to) {
        var name = new int[features.length];
        Arrays.fill(name, -1);
        var none = name.clone();
        name[from] = B;
        Arrays.fill(name, from + 1, to, I);
        if (to < features.length) {
            name[to] = O;
        }
        Arrays.fill(none, from, to, O);
        return best(features, name) - best(features, none);
    }

    private int[] viterbi(int[][] features, int[] forced, double[] score) {
        int n = features.length;
        var tags = new int[n];
        if (n == 0) {
            return tags;
        }
        var delta = new double[n][TAGS];
        var back = new int[n][TAGS];
        for (int i = 0; i < n; i++) {
            var emit = new double[TAGS];
            for (int f : features[i]) {
                if (f * TAGS >= weights.length) {
                    continue; // a feature first seen after training
                }
                for (int t = 0; t < TAGS; t++) {
                    emit[t] += weights[f * TAGS + t];
                }
            }
            for (int t = 0; t < TAGS; t++) {
                if (forced != null && forced[i] >= 0 && forced[i] != t) {
                    delta[i][t] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                if (i == 0) {
                    best = t == I ? Double.NEGATIVE_INFINITY : trans[TAGS][t];
                } else {
                    for (int p = 0; p < TAGS; p++) {
                        if (t == I && p == O) {
                            continue;
                        }
                        double v = delta[i - 1][p] + trans[p][t];
                        if (v > best) {
                            best = v;
                            arg = p;
                        }
                    }
                }
                delta[i][t] = best + emit[t];
                back[i][t] = arg;
            }
        }
        int last = 0;
        for (int t = 1; t < TAGS; t++) {
            if (delta[n - 1][t] > delta[n - 1][last]) {
                last = t;
            }
        }
        if (score != null) {
            score[0] = delta[n - 1][last];
        }
        for (int i = n - 1; i >= 0; i--) {
            tags[i] = last;
            last = back[i][last];
        }
        return tags;
    }

    /** The name spans of a tagging, as start * 1000 + end. */
    static List<Integer> spans(int[] tags) {
        var out = new ArrayList<Integer>();
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == B) {
                int j = i + 1;
                while (j < tags.length && tags[j] == I) {
                    j++;
                }
                out.add(i * 1000 + j);
            }
        }
        return out;
    }

    int nonZero() {
        int n = 0;
        for (double w : weights) {
            if (w != 0) {
                n++;
            }
        }
        return n;
    }

    int features() {
        return index.size();
    }
}
