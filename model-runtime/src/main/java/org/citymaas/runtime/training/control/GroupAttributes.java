package org.citymaas.runtime.training.control;

import java.util.Random;

/**
 * Group attributes of the held-out rows that are not model inputs (district, school type, age band, sex,
 * department size): text columns named {@code group_<attribute>}, drawn from a random stream of their own so
 * that the recipes' data streams, and so the trained models, stay as they were.
 */
public final class GroupAttributes {

    /** The column prefix of a group attribute. */
    public static final String PREFIX = "group_";

    private static final long STREAM = 0x6661697265L; // "faire"

    private GroupAttributes() {}

    /** The attributes' own stream for a recipe's seed: never the stream its data come from. */
    public static Random stream(long seed) {
        return new Random(seed ^ STREAM);
    }

    public static String column(String attribute) {
        return PREFIX + attribute;
    }

    /** An index drawn with the given weights (which need not sum to 1). */
    public static int pick(Random rnd, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
