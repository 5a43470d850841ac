package org.citymaas.runtime.training.control;

import java.util.HashMap;
import java.util.Map;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;

/**
 * The training data's column means and standard deviations of the numeric features and the regression
 * targets, which the graph standardizes with. When the spec names a scale input, the targets (and that input)
 * are measured after dividing each row by its level, the row mean of the scale input plus one, as the graph
 * divides them.
 */
final class FeatureScaling {

    private final Map<String, float[][]> stats = new HashMap<>();

    private FeatureScaling() {}

    /** Measured on {@code train} (SavedModel inputs and target columns). */
    static FeatureScaling of(MlpSpec spec, Table train) {
        var scaling = new FeatureScaling();
        float[] scale = scale(spec, train);
        for (Feature f : spec.features()) {
            if (f.kind() == FeatureKind.NUMERIC) {
                scaling.stats.put(
                        f.name(),
                        meanStd(
                                train.column(f.name()).floats(),
                                f.width(),
                                f.name().equals(spec.scaleInput()) ? scale : null));
            }
        }
        for (Head h : spec.heads()) {
            if (h.kind() == HeadKind.REGRESSION) {
                scaling.stats.put(h.name(), meanStd(train.column(h.target()).floats(), h.width(), scale));
            }
        }
        return scaling;
    }

    /** Means (row 0) and standard deviations (row 1) per column of a numeric feature or a regression head. */
    float[][] meanStd(String name) {
        return stats.get(name);
    }

    private static float[] scale(MlpSpec spec, Table train) {
        if (spec.scaleInput() == null) {
            return null;
        }
        Tensor t = train.column(spec.scaleInput());
        int width = t.size() / t.rows();
        float[] scale = new float[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < width; c++) {
                sum += t.floats()[r * width + c];
            }
            scale[r] = (float) (sum / width + 1);
        }
        return scale;
    }

    private static float[][] meanStd(float[] data, int width, float[] scale) {
        int rows = data.length / width;
        double[] sum = new double[width];
        double[] sq = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                double v = data[r * width + c] / (scale == null ? 1 : scale[r]);
                sum[c] += v;
                sq[c] += v * v;
            }
        }
        float[][] ms = new float[2][width];
        for (int c = 0; c < width; c++) {
            double mean = sum[c] / rows;
            ms[0][c] = (float) mean;
            ms[1][c] = (float) Math.max(Math.sqrt(Math.max(sq[c] / rows - mean * mean, 0)), 1e-3);
        }
        return ms;
    }
}
