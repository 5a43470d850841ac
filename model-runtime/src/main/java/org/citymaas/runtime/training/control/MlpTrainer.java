package org.citymaas.runtime.training.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains an {@link MlpSpec} with Adam and exports a SavedModel whose graph holds only the inference
 * path, the trained weights as constants and the feature scaling, so serving needs no Java code beyond
 * the shared featurizers.
 */
public final class MlpTrainer {

    /** One thread per session: reductions then sum in a fixed order, so training is reproducible. */
    private static final ConfigProto SINGLE_THREADED = ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1)
            .setUsePerSessionThreads(true)
            .build();

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    private final MlpSpec spec;
    private final Map<String, float[][]> stats = new HashMap<>();

    public MlpTrainer(MlpSpec spec) {
        this.spec = spec;
    }

    /** Trains on {@code train} (SavedModel inputs and target columns) and exports to {@code dir}. */
    public void trainAndExport(Table train, Path dir) {
        computeStats(train);
        List<float[][]> weights = initialWeights(new Random(spec.seed()));
        List<float[][]> trained = train(train, weights);
        export(trained, dir);
    }

    private void computeStats(Table train) {
        float[] scale = scale(train);
        for (Feature f : spec.features()) {
            if (f.kind() == FeatureKind.NUMERIC) {
                stats.put(
                        f.name(),
                        meanStd(
                                train.column(f.name()).floats(),
                                f.width(),
                                f.name().equals(spec.scaleInput()) ? scale : null));
            }
        }
        for (Head h : spec.heads()) {
            if (h.kind() == HeadKind.REGRESSION) {
                stats.put(h.name(), meanStd(train.column(h.target()).floats(), h.width(), scale));
            }
        }
    }

    private float[] scale(Table train) {
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

    private int inputWidth() {
        return spec.features().stream().mapToInt(Feature::width).sum();
    }

    /** Weights then bias per layer: hidden layers, then one pair per head. */
    private List<float[][]> initialWeights(Random rnd) {
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

    /** The network's inputs, named outputs and per-head training losses, built into {@code tf}. */
    private record Net(
            Map<String, Placeholder<?>> inputs,
            Map<String, Operand<TFloat32>> outputs,
            Map<String, Operand<TFloat32>> normalizedOutputs,
            Operand<TFloat32> scale) {}

    private Net build(Ops tf, List<Operand<TFloat32>> params) {
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
                    scale = tf.math.add(
                            tf.math.mean(x, tf.constant(1), org.tensorflow.op.math.Mean.keepDims(true)),
                            tf.constant(1f));
                    v = tf.math.div(v, scale);
                }
                if (f.kind() == FeatureKind.NUMERIC) {
                    float[][] ms = stats.get(f.name());
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
                    float[][] ms = stats.get(head.name());
                    Operand<TFloat32> y = tf.math.add(
                            tf.math.mul(z, tf.constant(new float[][] {ms[1]})), tf.constant(new float[][] {ms[0]}));
                    yield scale == null ? y : tf.math.mul(y, scale);
                }
            };
            outputs.put(head.name(), out);
        }
        return new Net(inputs, outputs, raw, scale);
    }

    private Operand<TFloat32> loss(Ops tf, Net net, Map<String, Placeholder<?>> targets) {
        Operand<TFloat32> total = tf.constant(0f);
        for (Head head : spec.heads()) {
            Operand<TFloat32> z = net.normalizedOutputs().get(head.name());
            Operand<TFloat32> l = switch (head.kind()) {
                case REGRESSION -> {
                    @SuppressWarnings("unchecked")
                    var y = (Operand<TFloat32>) targets.get(head.name());
                    Operand<TFloat32> yy = net.scale() == null ? y : tf.math.div(y, net.scale());
                    float[][] ms = stats.get(head.name());
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

    private List<float[][]> train(Table train, List<float[][]> init) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var vars = new ArrayList<Variable<TFloat32>>();
            for (float[][] w : init) {
                vars.add(tf.variable(tf.constant(w)));
            }
            var params = new ArrayList<Operand<TFloat32>>();
            for (int i = 0; i < vars.size(); i++) {
                // biases are stored as [1, n] and broadcast over the batch
                params.add(vars.get(i));
            }
            Net net = build(tf, params);
            var targets = new LinkedHashMap<String, Placeholder<?>>();
            for (Head head : spec.heads()) {
                targets.put(
                        head.name(),
                        head.kind() == HeadKind.SOFTMAX
                                ? tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)))
                                : tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, head.width()))));
            }
            Operand<TFloat32> loss = loss(tf, net, targets);
            // Adam with the bias-correction powers fed from Java each step: no shared step counter
            // inside the graph, so every run takes the same steps
            Placeholder<TFloat32> beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Placeholder<TFloat32> beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Gradients grads = tf.gradients(loss, vars);
            // no weight may change before every gradient is computed from the old weights
            var allGrads = new ArrayList<org.tensorflow.op.core.Identity<TFloat32>>();
            for (int i = 0; i < vars.size(); i++) {
                allGrads.add(tf.identity(grads.<TFloat32>dy(i)));
            }
            Ops after = tf.withControlDependencies(new ArrayList<Op>(allGrads));
            var updates = new ArrayList<Op>();
            for (int i = 0; i < vars.size(); i++) {
                Variable<TFloat32> v = vars.get(i);
                Variable<TFloat32> m = tf.variable(tf.zerosLike(tf.constant(init.get(i))));
                Variable<TFloat32> s2 = tf.variable(tf.zerosLike(tf.constant(init.get(i))));
                updates.add(after.train.applyAdam(
                        v,
                        m,
                        s2,
                        beta1Power,
                        beta2Power,
                        tf.constant(spec.learningRate()),
                        tf.constant(BETA1),
                        tf.constant(BETA2),
                        tf.constant(1e-7f),
                        allGrads.get(i)));
            }
            var rnd = new Random(spec.seed() + 1);
            try (Session s = new Session(g, SINGLE_THREADED)) {
                int[] order = permutation(train.rows(), rnd);
                int pos = 0;
                for (int i = 0; i < spec.steps(); i++) {
                    if (pos + spec.batchSize() > order.length) {
                        order = permutation(train.rows(), rnd);
                        pos = 0;
                    }
                    int[] idx = java.util.Arrays.copyOfRange(order, pos, pos + spec.batchSize());
                    pos += spec.batchSize();
                    Table batch = train.select(idx);
                    var feeds = new ArrayList<org.tensorflow.Tensor>();
                    try {
                        Session.Runner r = s.runner();
                        for (var e : net.inputs().entrySet()) {
                            var t = toTf(batch.column(e.getKey()));
                            feeds.add(t);
                            r.feed(e.getValue(), t);
                        }
                        for (Head head : spec.heads()) {
                            var t = toTf(batch.column(head.target()));
                            feeds.add(t);
                            r.feed(targets.get(head.name()), t);
                        }
                        var b1 = TFloat32.scalarOf((float) Math.pow(BETA1, i + 1));
                        var b2 = TFloat32.scalarOf((float) Math.pow(BETA2, i + 1));
                        feeds.add(b1);
                        feeds.add(b2);
                        r.feed(beta1Power, b1).feed(beta2Power, b2);
                        updates.forEach(r::addTarget);
                        r.run().close();
                    } finally {
                        feeds.forEach(org.tensorflow.Tensor::close);
                    }
                }
                var trained = new ArrayList<float[][]>();
                for (Variable<TFloat32> v : vars) {
                    try (Result res = s.runner().fetch(v).run()) {
                        trained.add(StdArrays.array2dCopyOf((TFloat32) res.get(0)));
                    }
                }
                return trained;
            }
        }
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static org.tensorflow.Tensor toTf(Tensor t) {
        Shape shape = Shape.of(t.shape());
        return switch (t.datatype()) {
            case FP32 -> TFloat32.tensorOf(shape, DataBuffers.of(t.floats(), true, false));
            case INT64 -> TInt64.tensorOf(shape, DataBuffers.of(t.longs(), true, false));
            case BYTES -> throw new IllegalArgumentException("featurize " + t.name() + " before training");
        };
    }

    private void export(List<float[][]> weights, Path dir) {
        deleteRecursively(dir);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var params = new ArrayList<Operand<TFloat32>>();
            for (float[][] w : weights) {
                params.add(tf.constant(w));
            }
            Net net = build(tf, params);
            var outputs = new LinkedHashMap<String, Operand<TFloat32>>();
            net.outputs()
                    .forEach((name, op) -> outputs.put(name, tf.withName(name).identity(op)));
            var sig = Signature.builder().key(Signature.DEFAULT_KEY).methodName("tensorflow/serving/predict");
            net.inputs().forEach(sig::input);
            outputs.forEach(sig::output);
            try (Session s = new Session(g)) {
                SavedModelBundle.exporter(dir.toString())
                        .withFunction(SessionFunction.create(sig.build(), s))
                        .export();
                // the weights are constants in the graph: an empty variables folder would not survive git
                Path variables = dir.resolve("variables");
                try (Stream<Path> left = Files.list(variables)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(variables);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot export " + dir, e);
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
