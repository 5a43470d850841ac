package org.citymaas.runtime.training.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.PredictionReference;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The card's {@code prediction_reference}: the first output's predictions on the held-out rows, binned
 * as {@link PredictionReference} says (regression by the held-out predictions' deciles, a probability in
 * tenths, a class output by its most probable class). Edges are rounded to four significant digits and
 * shares to six decimals before they are written, and the shares are counted with the rounded edges, so
 * that the card states exactly the bins live use is counted in.
 */
public final class PredictionReferences {

    private static final int DECILES = 10;

    private PredictionReferences() {}

    public static PredictionReference of(ModelCard card, Map<String, Tensor> predictions) {
        FieldSpec output = card.outputs().get(0);
        Tensor values = predictions.get(output.name());
        int rows = values.rows();
        int width = values.size() / rows;
        float[] data = values.floats();
        PredictionReference bins;
        if (!output.labels().isEmpty() && width > 1) {
            bins = new PredictionReference(
                    output.name(), PredictionReference.TOP_CLASS, List.of(), output.labels(), zeros(width), rows);
        } else if ("probability".equals(output.unit()) && width == 1) {
            bins = new PredictionReference(
                    output.name(),
                    PredictionReference.PROBABILITY,
                    PredictionReference.PROBABILITY_EDGES,
                    List.of(),
                    zeros(DECILES),
                    rows);
        } else {
            var edges = deciles(data, rows, width);
            bins = new PredictionReference(
                    output.name(), PredictionReference.DECILES, edges, List.of(), zeros(edges.size() + 1), rows);
        }
        long[] counts = new long[bins.bins()];
        for (int r = 0; r < rows; r++) {
            counts[bins.bin(data, r, width)]++;
        }
        var shares = new ArrayList<Double>(counts.length);
        for (long c : counts) {
            shares.add(Math.round(c * 1e6 / rows) / 1e6);
        }
        return new PredictionReference(bins.output(), bins.binning(), bins.edges(), bins.labels(), shares, rows);
    }

    /** The nine inner deciles of the rows' first values, rounded, without repeats. */
    static List<Double> deciles(float[] data, int rows, int width) {
        double[] first = new double[rows];
        for (int r = 0; r < rows; r++) {
            first[r] = data[r * width];
        }
        Arrays.sort(first);
        var edges = new ArrayList<Double>(DECILES - 1);
        for (int k = 1; k < DECILES; k++) {
            double edge = round(first[(int) ((long) k * rows / DECILES)]);
            if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                edges.add(edge);
            }
        }
        return edges;
    }

    private static double round(double value) {
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }

    private static List<Double> zeros(int n) {
        return java.util.Collections.nCopies(n, 0.0);
    }
}
