package org.citymaas.runtime.training.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * A catalog model card's {@code explanation} section, measured on the recipe's training rows: text models are
 * explained by occlusion of their tokens; tabular models by exact Shapley values against a baseline point, the
 * training data's mean of every FP32 input (per element of a vector input) and the most frequent value of every
 * INT64 input (categories such as the hour of day: a mean is no category; among equally frequent values the one
 * nearest the mean, the smaller on a tie). The explained output is the network's first head; the tolerance of
 * the attributions' sum is {@value #RELATIVE_TOLERANCE} of the range of that head's training targets.
 */
public final class ExplanationBaseline {

    /** The sums are taken in double over FP32 outputs: far tighter in practice; this is what the card promises. */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    static final String BASELINE = "the training data's mean of each FP32 input (element by element for a vector"
            + " input) and the most frequent value of each INT64 input (among equally frequent values the one"
            + " nearest the mean)";

    private ExplanationBaseline() {}

    /** The section for a recipe's card, from its training rows. */
    public static ExplanationSpec of(ModelRecipe recipe, ModelCard card, Table train) {
        MlpSpec.Head head = recipe.network().heads().get(0);
        FieldSpec output = card.outputs().stream()
                .filter(o -> o.name().equals(head.name()))
                .findFirst()
                .orElseThrow();
        if (card.textFeatures() != null) {
            return new ExplanationSpec(
                    ExplanationSpec.OCCLUSION,
                    output.name(),
                    "the probability of the text's top class",
                    "the empty text",
                    Map.of(),
                    0);
        }
        var baseline = new LinkedHashMap<String, double[]>();
        for (FieldSpec f : card.inputs()) {
            if (f.sensitivity() != Sensitivity.DROP) {
                baseline.put(f.name(), baseline(train.column(f.name())));
            }
        }
        String explained = head.kind() == MlpSpec.HeadKind.SIGMOID
                ? "the probability of the positive class"
                : head.width() == 1 ? "the predicted value" : "the mean of the " + head.width() + " predicted values";
        return new ExplanationSpec(
                ExplanationSpec.EXACT_SHAPLEY,
                output.name(),
                explained,
                BASELINE,
                baseline,
                rounded(RELATIVE_TOLERANCE * range(train.column(head.target()))));
    }

    static double[] baseline(Tensor column) {
        int rows = column.rows();
        int width = rows == 0 ? 0 : column.size() / rows;
        double[] b = new double[width];
        if (column.datatype() == DataType.FP32) {
            float[] v = column.floats();
            for (int k = 0; k < width; k++) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += v[r * width + k];
                }
                b[k] = rounded(sum / rows);
            }
            return b;
        }
        long[] v = column.longs();
        for (int k = 0; k < width; k++) {
            var counts = new TreeMap<Long, Integer>();
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                counts.merge(v[r * width + k], 1, Integer::sum);
                sum += v[r * width + k];
            }
            double mean = sum / rows;
            long best = 0;
            int bestCount = -1;
            for (var e : counts.entrySet()) {
                int c = e.getValue();
                boolean nearer = c == bestCount && Math.abs(e.getKey() - mean) < Math.abs(best - mean);
                if (c > bestCount || nearer) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            b[k] = best;
        }
        return b;
    }

    /** To 6 significant digits: the card shows a point, not the last bits of a sum. */
    static double rounded(double x) {
        return x == 0 || !Double.isFinite(x)
                ? x
                : new java.math.BigDecimal(x)
                        .round(new java.math.MathContext(6))
                        .doubleValue();
    }

    /** Largest minus smallest value of a numeric column (1 for an empty or constant one). */
    static double range(Tensor column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (column.datatype() == DataType.FP32) {
            for (float f : column.floats()) {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
        } else {
            for (long l : column.longs()) {
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
        }
        return max > min ? max - min : 1;
    }
}
