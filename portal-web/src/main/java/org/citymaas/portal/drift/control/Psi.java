package org.citymaas.portal.drift.control;

import java.util.List;

/**
 * The population stability index of live counts against reference shares: the sum over bins of
 * {@code (live - reference) × ln(live / reference)}. An empty bin would make it infinite, so both sides
 * are smoothed: a live share is {@code (count + 0.5) / (total + 0.5 × bins)} (half a prediction added to
 * every bin), a reference share below {@value #FLOOR} is taken as {@value #FLOOR} and the reference
 * shares are then scaled to sum to 1 again.
 */
public final class Psi {

    /** Half a prediction added to each live bin. */
    public static final double LIVE_PSEUDO_COUNT = 0.5;

    /** The least reference share of a bin. */
    public static final double FLOOR = 1e-4;

    private Psi() {}

    public static double of(long[] counts, List<Double> reference) {
        if (counts.length != reference.size() || counts.length == 0) {
            throw new IllegalArgumentException("as many counts as reference bins are needed");
        }
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] expected = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            expected[i] = Math.max(FLOOR, reference.get(i));
            sum += expected[i];
        }
        double psi = 0;
        double liveTotal = total + LIVE_PSEUDO_COUNT * counts.length;
        for (int i = 0; i < counts.length; i++) {
            double live = (counts[i] + LIVE_PSEUDO_COUNT) / liveTotal;
            double e = expected[i] / sum;
            psi += (live - e) * Math.log(live / e);
        }
        return psi;
    }
}
