package org.citymaas.security.masking.control;

import java.util.HashMap;

/**
 * The person-name tagger's bigram features ({@link NameTaggerFeatures} templates 6-10), arranged for few look-ups. Four
 * templates read two neighbouring characters (p1 c, c n1, p2 p1, n1 n2), so one look-up of a neighbouring pair gives
 * its weights for all four positions that read it; the fifth reads the characters either side (p1 n1). Each feature
 * keeps two values, the weights of B and I less that of O. Keys are the two characters' numbers among those that occur
 * in a bigram feature: a pair with a character that occurs in none is no feature, without a look-up.
 */
final class NameTaggerPairs {

    /** Values a neighbouring pair: templates 6, 7, 8, 9, two each. */
    static final int ADJACENT = 8;

    private final char[] number = new char[65536];
    private final long[] adjacentSlots;
    /** Per neighbouring pair ({@link #adjacent}): p1 c, c n1, p2 p1, n1 n2, two values each. */
    final float[] adjacentValues;

    private final long[] skipSlots;
    /** A bit a pair's hash, set for the pairs that are features: most pairs are none, and this small table says so. */
    private final long[] adjacentFilter;

    private final long[] skipFilter;
    /** Per pair either side of a character ({@link #skip}): two values. */
    final float[] skipValues;

    NameTaggerPairs(long[] keys, float[] weights) {
        int numbered = 0;
        for (long key : keys) {
            if (template(key) >= 6 && template(key) <= 10) {
                for (char c : new char[] {(char) (key >>> 32), (char) (key >>> 16)}) {
                    if (number[c] == 0) {
                        number[c] = (char) ++numbered;
                    }
                }
            }
        }
        if (numbered >= 1 << 15) {
            throw new IllegalStateException("too many characters in the tagger's bigrams: " + numbered);
        }
        var adjacent = new HashMap<Integer, Integer>();
        var skip = new HashMap<Integer, Integer>();
        for (long key : keys) {
            int t = template(key);
            if (t >= 6 && t <= 10) {
                var map = t == 10 ? skip : adjacent;
                map.putIfAbsent(pairKey((char) (key >>> 32), (char) (key >>> 16)), map.size());
            }
        }
        adjacentSlots = slots(adjacent);
        skipSlots = slots(skip);
        adjacentFilter = filter(adjacent);
        skipFilter = filter(skip);
        adjacentValues = new float[adjacent.size() * ADJACENT];
        skipValues = new float[skip.size() * 2];
        for (int k = 0; k < keys.length; k++) {
            int t = template(keys[k]);
            if (t >= 6 && t <= 10) {
                int pair = pairKey((char) (keys[k] >>> 32), (char) (keys[k] >>> 16));
                float o = weights[k * 3];
                float[] values = t == 10 ? skipValues : adjacentValues;
                int at = t == 10 ? skip.get(pair) * 2 : adjacent.get(pair) * ADJACENT + (t - 6) * 2;
                values[at] = weights[k * 3 + 1] - o;
                values[at + 1] = weights[k * 3 + 2] - o;
            }
        }
    }

    /** The index of the neighbouring pair's values in {@link #adjacentValues}, or -1 where it has none. */
    int adjacent(char a, char b) {
        int i = find(adjacentSlots, adjacentFilter, a, b);
        return i < 0 ? -1 : i * ADJACENT;
    }

    /** The index of the pair's values in {@link #skipValues}, or -1 where it has none. */
    int skip(char a, char b) {
        int i = find(skipSlots, skipFilter, a, b);
        return i < 0 ? -1 : i * 2;
    }

    private int find(long[] slots, long[] filter, char a, char b) {
        if (number[a] == 0 || number[b] == 0) {
            return -1;
        }
        int key = pairKey(a, b);
        int bit = hash(key * 0x27D4EB2F) & (filter.length * 64 - 1);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int mask = slots.length - 1;
        int slot = hash(key) & mask;
        while (true) {
            long v = slots[slot];
            if ((int) (v >>> 32) == key) {
                return (int) v;
            }
            if (v == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static long[] filter(HashMap<Integer, Integer> indices) {
        var filter = new long[Integer.highestOneBit(Math.max(64, indices.size() * 16)) / 64 * 2];
        for (int key : indices.keySet()) {
            int bit = hash(key * 0x27D4EB2F) & (filter.length * 64 - 1);
            filter[bit >>> 6] |= 1L << bit;
        }
        return filter;
    }

    private static long[] slots(HashMap<Integer, Integer> indices) {
        int size = Integer.highestOneBit(Math.max(4, indices.size() * 3));
        var slots = new long[size];
        for (var e : indices.entrySet()) {
            int slot = hash(e.getKey()) & (size - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = ((long) e.getKey() << 32) | e.getValue();
        }
        return slots;
    }

    private int pairKey(char a, char b) {
        return (number[a] << 15) | number[b];
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int template(long key) {
        return (int) (key >>> 48);
    }
}
