package org.citymaas.runtime.scheduler.entity;

import java.util.List;

/**
 * A histogram in the Prometheus layout.
 *
 * @param upperBounds bucket upper bounds, ascending; the last bucket ({@code +Inf}) is implicit
 * @param cumulativeCounts observations at or below each bound, then the total
 * @param count observations
 * @param sum sum of the observed values
 */
public record HistogramSnapshot(List<Double> upperBounds, List<Long> cumulativeCounts, long count, double sum) {

    /** The smallest bound at or below which at least {@code quantile} of the observations lie. */
    public double quantileUpperBound(double quantile) {
        long needed = (long) Math.ceil(quantile * count);
        for (int i = 0; i < upperBounds.size(); i++) {
            if (cumulativeCounts.get(i) >= needed) {
                return upperBounds.get(i);
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
