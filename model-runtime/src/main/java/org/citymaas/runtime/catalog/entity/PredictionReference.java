package org.citymaas.runtime.catalog.entity;

import java.util.List;

/**
 * How a version's predictions were distributed on the trainer's held-out set: the reference that live
 * use is compared with (drift). One output is binned, one bin per row:
 *
 * <ul>
 *   <li>{@code deciles} (regression): the row's first value, in bins cut at {@code edges} (the held-out
 *       predictions' deciles), so each bin held about a tenth of the held-out rows;
 *   <li>{@code probability} (binary classifier): the probability in the fixed bins 0-0.1 … 0.9-1;
 *   <li>{@code top-class} (classifier of several classes): the most probable class, one bin per label.
 * </ul>
 *
 * A value below the first edge falls in the first bin, one at or above the last in the last.
 *
 * @param output the output binned
 * @param binning {@code deciles}, {@code probability} or {@code top-class}
 * @param edges the inner bin edges, increasing (bins = edges + 1); empty for {@code top-class}
 * @param labels the class of each bin for {@code top-class}, else empty
 * @param shares each bin's share of the held-out rows (summing to 1)
 * @param rows held-out rows they were counted on
 */
public record PredictionReference(
        String output, String binning, List<Double> edges, List<String> labels, List<Double> shares, int rows) {

    public static final String DECILES = "deciles";
    public static final String PROBABILITY = "probability";
    public static final String TOP_CLASS = "top-class";

    /** The fixed edges of {@code probability}: 0.1 … 0.9. */
    public static final List<Double> PROBABILITY_EDGES = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

    public PredictionReference {
        edges = edges == null ? List.of() : List.copyOf(edges);
        labels = labels == null ? List.of() : List.copyOf(labels);
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    /** Number of bins. */
    public int bins() {
        return shares.size();
    }

    /**
     * Whether a drift judgement can rest on it: a known binning with as many shares as bins, edges
     * increasing, shares non-negative and summing to 1 (an uploaded card may carry anything).
     */
    public boolean usable() {
        if (output == null || shares.size() < 2 || rows <= 0) {
            return false;
        }
        boolean shape = switch (binning == null ? "" : binning) {
            case DECILES, PROBABILITY -> labels.isEmpty() && edges.size() + 1 == shares.size() && increasing();
            case TOP_CLASS -> edges.isEmpty() && labels.size() == shares.size();
            default -> false;
        };
        double sum = 0;
        for (Double s : shares) {
            if (s == null || !(s >= 0)) {
                return false;
            }
            sum += s;
        }
        return shape && Math.abs(sum - 1) < 1e-3;
    }

    private boolean increasing() {
        for (int i = 0; i < edges.size(); i++) {
            var e = edges.get(i);
            if (e == null || !Double.isFinite(e) || (i > 0 && e <= edges.get(i - 1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bin of one row of the output.
     *
     * @param values the output's values, row-major
     * @param row the row
     * @param width values per row
     */
    public int bin(float[] values, int row, int width) {
        int from = row * width;
        if (TOP_CLASS.equals(binning)) {
            int best = 0;
            for (int c = 1; c < width; c++) {
                if (values[from + c] > values[from + best]) {
                    best = c;
                }
            }
            return Math.min(best, bins() - 1);
        }
        return binOf(values[from]);
    }

    /** The bin of a value by the edges: how many edges are at or below it. */
    public int binOf(double value) {
        int low = 0;
        int high = edges.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (edges.get(mid) <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
