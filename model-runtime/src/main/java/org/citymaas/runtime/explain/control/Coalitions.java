package org.citymaas.runtime.explain.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The rows an exact Shapley explanation of a tabular model runs: per request row, one row per coalition {@code S}
 * of the explained inputs (every input of the card except those the runtime drops), taking an input from the
 * request row where it is in {@code S} and from the card's baseline point elsewhere ({@link ShapleyValues} numbers
 * the coalitions). INT64 baseline values are rounded to the nearest integer.
 */
public final class Coalitions {

    /** Most explained inputs: 2^12 = 4,096 rows per request row. */
    public static final int MAX_FEATURES = 12;

    private final List<FieldSpec> features;
    private final List<double[]> baseline;

    private Coalitions(List<FieldSpec> features, List<double[]> baseline) {
        this.features = features;
        this.baseline = baseline;
    }

    /**
     * The coalitions of a card's explained inputs.
     *
     * @throws IllegalArgumentException why the card's model cannot be explained this way (the message says)
     */
    public static Coalitions of(ModelCard card) {
        ExplanationSpec spec = card.explanation();
        if (spec == null || !ExplanationSpec.EXACT_SHAPLEY.equals(spec.method())) {
            throw new IllegalArgumentException(
                    "the model card of " + card.ref() + " names no exact-shapley explanation");
        }
        var features = new ArrayList<FieldSpec>();
        var baseline = new ArrayList<double[]>();
        for (FieldSpec f : card.inputs()) {
            if (f.sensitivity() == Sensitivity.DROP) {
                continue;
            }
            if (f.datatype() == DataType.BYTES) {
                throw new IllegalArgumentException(
                        "input " + f.name() + " is text: exact Shapley values explain numeric inputs only");
            }
            double[] b = spec.baseline().get(f.name());
            if (b == null || b.length != f.rowWidth()) {
                throw new IllegalArgumentException(
                        "the card's explanation baseline has no " + f.rowWidth() + " value(s) for input " + f.name());
            }
            for (double v : b) {
                if (!Double.isFinite(v)
                        || (f.minimum() != null && v < f.minimum())
                        || (f.maximum() != null && v > f.maximum())) {
                    throw new IllegalArgumentException("the card's explanation baseline of input " + f.name()
                            + " holds " + v + ", outside the input's range");
                }
            }
            features.add(f);
            baseline.add(b);
        }
        if (features.size() > MAX_FEATURES) {
            throw new IllegalArgumentException("the model has " + features.size()
                    + " inputs; exact Shapley values are computed for at most " + MAX_FEATURES
                    + " (2^n rows per request row)");
        }
        return new Coalitions(List.copyOf(features), List.copyOf(baseline));
    }

    /** The explained inputs, in the card's order: the players. */
    public List<FieldSpec> features() {
        return features;
    }

    public int players() {
        return features.size();
    }

    /** Rows run per request row: {@code 2^n}. */
    public int rowsPerRow() {
        return 1 << features.size();
    }

    /**
     * The perturbed inputs of every request row: row {@code r * 2^n + S} is request row {@code r} under coalition
     * {@code S}. Inputs not explained (dropped by the runtime) are left out.
     *
     * @param inputs the request's validated inputs
     */
    public List<Tensor> rows(List<Tensor> inputs) {
        int coalitions = rowsPerRow();
        var result = new ArrayList<Tensor>(features.size());
        for (int j = 0; j < features.size(); j++) {
            FieldSpec f = features.get(j);
            Tensor x = find(inputs, f.name());
            int rows = x.rows();
            int w = f.rowWidth();
            long[] shape = x.shape().clone();
            shape[0] = (long) rows * coalitions;
            double[] b = baseline.get(j);
            int bit = 1 << j;
            if (f.datatype() == DataType.INT64) {
                long[] in = x.longs();
                long[] out = new long[rows * coalitions * w];
                for (int r = 0; r < rows; r++) {
                    for (int s = 0; s < coalitions; s++) {
                        int at = (r * coalitions + s) * w;
                        for (int k = 0; k < w; k++) {
                            out[at + k] = (s & bit) != 0 ? in[r * w + k] : Math.round(b[k]);
                        }
                    }
                }
                result.add(Tensor.int64(f.name(), shape, out));
            } else {
                float[] in = x.floats();
                float[] out = new float[rows * coalitions * w];
                for (int r = 0; r < rows; r++) {
                    for (int s = 0; s < coalitions; s++) {
                        int at = (r * coalitions + s) * w;
                        if ((s & bit) != 0) {
                            System.arraycopy(in, r * w, out, at, w);
                        } else {
                            for (int k = 0; k < w; k++) {
                                out[at + k] = (float) b[k];
                            }
                        }
                    }
                }
                result.add(Tensor.fp32(f.name(), shape, out));
            }
        }
        return result;
    }

    /**
     * The explanations of the request's rows from the outputs of {@link #rows}: per request row the exact Shapley
     * value of each explained input; a class probability output explains the class that the full row's answer
     * ranks first.
     */
    public List<RowExplanation> explain(float[] outputs, ExplainedOutput output, int requestRows) {
        int coalitions = rowsPerRow();
        int all = coalitions - 1;
        var result = new ArrayList<RowExplanation>(requestRows);
        double[] values = new double[coalitions];
        for (int r = 0; r < requestRows; r++) {
            int first = r * coalitions;
            int top = output.top(outputs, first + all);
            for (int s = 0; s < coalitions; s++) {
                values[s] = output.value(outputs, first + s, top);
            }
            double[] phi = ShapleyValues.exact(features.size(), values);
            var attributions = new ArrayList<Attribution>(phi.length);
            for (int j = 0; j < phi.length; j++) {
                attributions.add(new Attribution(features.get(j).name(), phi[j]));
            }
            result.add(new RowExplanation(values[all], values[0], attributions, output.label(top)));
        }
        return result;
    }

    /** The baseline point as one row of inputs. */
    public Map<String, double[]> baseline() {
        var m = new java.util.LinkedHashMap<String, double[]>();
        for (int j = 0; j < features.size(); j++) {
            m.put(features.get(j).name(), baseline.get(j).clone());
        }
        return m;
    }

    private static Tensor find(List<Tensor> inputs, String name) {
        for (Tensor t : inputs) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no input " + name);
    }
}
