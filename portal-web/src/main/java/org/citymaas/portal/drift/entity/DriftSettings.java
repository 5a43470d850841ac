package org.citymaas.portal.drift.entity;

/**
 * When drift is flagged: a PSI at or above {@code threshold} is drift, at or above {@code watch} is worth
 * watching; fewer than {@code minimum} predictions in a month are too few to judge.
 */
public record DriftSettings(double threshold, double watch, long minimum) {

    /** The conventional levels: 0.2 flags, 0.1 to 0.2 is watched; 200 predictions before judging. */
    public static final DriftSettings DEFAULTS = new DriftSettings(0.2, 0.1, 200);

    public DriftSettings {
        if (!(threshold > 0) || !(watch > 0) || watch > threshold || minimum < 1) {
            throw new IllegalArgumentException(
                    "drift settings need 0 < watch <= threshold and a minimum of at least 1 prediction");
        }
    }
}
