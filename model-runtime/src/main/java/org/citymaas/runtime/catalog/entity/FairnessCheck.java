package org.citymaas.runtime.catalog.entity;

/**
 * One fairness check of a group attribute: a metric over its judged groups next to its tolerance.
 *
 * @param attribute the group attribute, e.g. {@code district}
 * @param metric e.g. {@code mae_ratio}, {@code demographic_parity_difference}, {@code equalized_odds_difference}
 * @param value the worst value over the judged groups (a ratio, a difference, or the largest per-group error)
 * @param gap the difference between the worst and the best group in the underlying per-group metric (MAE in
 *     the target's unit for a ratio of MAEs; the same as {@code value} for a difference)
 * @param tolerance the limit, as {@link FairnessTolerances} sets it when the report was made
 * @param atLeast whether {@code value} must be at least the tolerance (ratios such as the four-fifths rule)
 *     rather than at most
 * @param worstGroup the group that sets {@code value} (the worst-served one)
 * @param bestGroup the group it is compared with, or null for a per-group limit
 * @param within whether the value was within the tolerance when the report was made
 */
public record FairnessCheck(
        String attribute,
        String metric,
        double value,
        double gap,
        double tolerance,
        boolean atLeast,
        String worstGroup,
        String bestGroup,
        boolean within) {

    /** Whether {@code value} is within a limit in this check's direction. */
    public boolean withinLimit(double limit) {
        return !Double.isNaN(value) && (atLeast ? value >= limit : value <= limit);
    }
}
