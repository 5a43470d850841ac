package org.citymaas.runtime.catalog.entity;

import java.util.Map;

/**
 * The platform's fairness tolerances: one limit per check metric, with where it comes from. The trainer writes
 * them on the card; the portal judges an uploaded card's values against these limits, not against the limits
 * the card states.
 */
public final class FairnessTolerances {

    /** Groups with fewer held-out rows are listed on the card but not judged. */
    public static final int MIN_GROUP_ROWS = 30;

    /**
     * A limit.
     *
     * @param limit the value
     * @param atLeast whether a value must be at least the limit (else at most)
     * @param source where the limit comes from
     */
    public record Tolerance(double limit, boolean atLeast, String source) {}

    private static final String BAND = "AIF360's fairness band for group differences (|difference| < 0.1)";

    private static final Map<String, Tolerance> LIMITS = Map.of(
            "mae_ratio",
            new Tolerance(
                    1.25,
                    false,
                    "four-fifths rule (EEOC Uniform Guidelines, 29 CFR 1607.4(D)) applied to error: the best-served"
                            + " group's MAE at least 80% of the worst-served group's"),
            "relative_mae_ratio",
            new Tolerance(
                    1.25,
                    false,
                    "four-fifths rule applied to error relative to the group's mean level (counts and"
                            + " concentrations have noise that grows with the level)"),
            "accuracy_gap",
            new Tolerance(0.10, false, BAND),
            "demographic_parity_difference",
            new Tolerance(0.10, false, BAND + ": statistical parity difference"),
            "selection_rate_ratio",
            new Tolerance(0.80, true, "four-fifths rule (EEOC Uniform Guidelines, 29 CFR 1607.4(D))"),
            "equalized_odds_difference",
            new Tolerance(0.10, false, BAND + ": largest of the TPR and FPR differences (fairlearn's definition)"),
            "routed_share_ratio",
            new Tolerance(
                    0.80,
                    true,
                    "four-fifths rule applied to routing: each group's share of the routed complaints at least 80%"
                            + " of its share of the complaints (and at most 125%)"),
            "max_group_ece",
            new Tolerance(
                    0.10,
                    false,
                    "platform choice: no group's probabilities off by more than 10 points on average"
                            + " (expected calibration error, 10 equal-width bins)"));

    private FairnessTolerances() {}

    public static boolean known(String metric) {
        return LIMITS.containsKey(metric);
    }

    public static Tolerance of(String metric) {
        var t = LIMITS.get(metric);
        if (t == null) {
            throw new IllegalArgumentException("no fairness tolerance for " + metric);
        }
        return t;
    }

    public static double limit(String metric) {
        return of(metric).limit();
    }

    /** Every metric with its tolerance. */
    public static Map<String, Tolerance> all() {
        return LIMITS;
    }
}
