package org.citymaas.runtime.training.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The network of an {@link MlpSpec} as TensorFlow ops: the feature scaling (standardization, one-hot
 * categories, division by the level), the hidden ReLU layers, the heads and their training losses. The same
 * graph is built over variables for training and over the trained weights as constants for export.
 */
final class MlpGraph {

    /**
     * The network built into a graph.
     *
     * @param inputs the SavedModel inputs by name
     * @param outputs the heads' outputs on the data's scale, by head name
     * @param normalizedOutputs the heads' outputs before the softmax, the sigmoid or the rescaling
     * @param scale each row's level when the spec names a scale input; {@code null}: none
     */
    record Net(
            Map<String, Placeholder<?>> inputs,
            Map<String, Operand<TFloat32>> outputs,
            Map<String, Operand<TFloat32>> normalizedOutputs,
            Operand<TFloat32> scale) {}

    private final MlpSpec spec;
    private final FeatureScaling stats;

    MlpGraph(MlpSpec spec, FeatureScaling stats) {
        this.spec = spec;
        this.stats = stats;
    }

    private int inputWidth() {
        return spec.features().stream().mapToInt(Feature::width).sum();
    }

    /** He-initialized weights then a zero bias per layer: hidden layers, then one pair per head. */
    List<float[][]> initialWeights(Random rnd) {
        var shapes = new ArrayList<int[]>();
        int in = inputWidth();
        for (int h : spec.hidden()) {
            shapes.add(new int[] {in, h});
            in = h;
        }
        for (Head head : spec.heads()) {
            shapes.add(new int[] {in, head.width()});
        }
        var weights = new ArrayList<float[][]>();
        for (int[] s : shapes) {
            float[][] w = new float[s[0]][s[1]];
            double sd = Math.sqrt(2.0 / s[0]);
            for (float[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (rnd.nextGaussian() * sd);
                }
            }
            weights.add(w);
            weights.add(new float[1][s[1]]);
        }
        return weights;
    }

    /** Builds the network into {@code tf} over {@code params}, in the order of {@link #initialWeights}. */
    Net build(Ops tf, List<Operand<TFloat32>> params) {
        var inputs = new LinkedHashMap<String, Placeholder<?>>();
        var parts = new ArrayList<Operand<TFloat32>>();
        Operand<TFloat32> scale = null;
        for (Feature f : spec.features()) {
            if (f.kind() == FeatureKind.ONE_HOT) {
                Placeholder<TInt64> x =
                        tf.withName(f.name()).placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 1)));
                inputs.put(f.name(), x);
                parts.add(tf.oneHot(
                        tf.reshape(x, tf.constant(new int[] {-1})),
                        tf.constant(f.width()),
                        tf.constant(1f),
                        tf.constant(0f)));
            } else {
                Placeholder<TFloat32> x =
                        tf.withName(f.name()).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, f.width())));
                inputs.put(f.name(), x);
                Operand<TFloat32> v = x;
                if (f.name().equals(spec.scaleInput())) {
                    scale = tf.math.add(tf.math.mean(x, tf.constant(1), Mean.keepDims(true)), tf.constant(1f));
                    v = tf.math.div(v, scale);
                }
                if (f.kind() == FeatureKind.NUMERIC) {
                    float[][] ms = stats.meanStd(f.name());
                    v = tf.math.div(
                            tf.math.sub(v, tf.constant(new float[][] {ms[0]})), tf.constant(new float[][] {ms[1]}));
                }
                parts.add(v);
            }
        }
        Operand<TFloat32> h = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
        int p = 0;
        for (int ignored : spec.hidden()) {
            h = tf.nn.relu(tf.math.add(tf.linalg.matMul(h, params.get(p)), params.get(p + 1)));
            p += 2;
        }
        var outputs = new LinkedHashMap<String, Operand<TFloat32>>();
        var raw = new LinkedHashMap<String, Operand<TFloat32>>();
        for (Head head : spec.heads()) {
            Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(h, params.get(p)), params.get(p + 1));
            p += 2;
            raw.put(head.name(), z);
            Operand<TFloat32> out = switch (head.kind()) {
                case SOFTMAX -> tf.nn.softmax(z);
                case SIGMOID -> tf.math.sigmoid(z);
                case REGRESSION -> {
                    float[][] ms = stats.meanStd(head.name());
                    Operand<TFloat32> y = tf.math.add(
                            tf.math.mul(z, tf.constant(new float[][] {ms[1]})), tf.constant(new float[][] {ms[0]}));
                    yield scale == null ? y : tf.math.mul(y, scale);
                }
            };
            outputs.put(head.name(), out);
        }
        return new Net(inputs, outputs, raw, scale);
    }

    /**
     * The sum of the heads' losses against {@code targets} (by head name): squared error on standardized
     * targets, cross entropy for softmax and sigmoid heads.
     */
    Operand<TFloat32> loss(Ops tf, Net net, Map<String, Placeholder<?>> targets) {
        Operand<TFloat32> total = tf.constant(0f);
        for (Head head : spec.heads()) {
            Operand<TFloat32> z = net.normalizedOutputs().get(head.name());
            Operand<TFloat32> l = switch (head.kind()) {
                case REGRESSION -> {
                    @SuppressWarnings("unchecked")
                    var y = (Operand<TFloat32>) targets.get(head.name());
                    Operand<TFloat32> yy = net.scale() == null ? y : tf.math.div(y, net.scale());
                    float[][] ms = stats.meanStd(head.name());
                    Operand<TFloat32> yn = tf.math.div(
                            tf.math.sub(yy, tf.constant(new float[][] {ms[0]})), tf.constant(new float[][] {ms[1]}));
                    yield tf.math.mean(tf.math.square(tf.math.sub(z, yn)), tf.constant(new int[] {0, 1}));
                }
                case SOFTMAX -> {
                    @SuppressWarnings("unchecked")
                    var y = (Operand<TInt64>) targets.get(head.name());
                    Operand<TFloat32> onehot =
                            tf.oneHot(y, tf.constant(head.width()), tf.constant(1f), tf.constant(0f));
                    yield tf.math.neg(tf.math.mean(
                            tf.reduceSum(tf.math.mul(onehot, tf.nn.logSoftmax(z)), tf.constant(1)), tf.constant(0)));
                }
                case SIGMOID -> {
                    @SuppressWarnings("unchecked")
                    var y = (Operand<TFloat32>) targets.get(head.name());
                    yield tf.math.mean(
                            tf.math.sub(tf.math.softplus(z), tf.math.mul(y, z)), tf.constant(new int[] {0, 1}));
                }
            };
            total = tf.math.add(total, l);
        }
        return total;
    }
}
