package org.citymaas.runtime.training.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpGraph.Net;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The training loop: the spec's steps of Adam over minibatches in a seeded order, in one single-threaded
 * session, so that every run takes the same steps and ends with the same weights.
 */
final class AdamTraining {

    /** One thread per session: reductions then sum in a fixed order, so training is reproducible. */
    private static final ConfigProto SINGLE_THREADED = ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1)
            .setUsePerSessionThreads(true)
            .build();

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    private final MlpSpec spec;
    private final MlpGraph graph;

    AdamTraining(MlpSpec spec, MlpGraph graph) {
        this.spec = spec;
        this.graph = graph;
    }

    /** The weights after training from {@code init} on {@code train} (SavedModel inputs and target columns). */
    List<float[][]> train(Table train, List<float[][]> init) {
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
            Net net = graph.build(tf, params);
            var targets = new LinkedHashMap<String, Placeholder<?>>();
            for (Head head : spec.heads()) {
                targets.put(
                        head.name(),
                        head.kind() == HeadKind.SOFTMAX
                                ? tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)))
                                : tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, head.width()))));
            }
            Operand<TFloat32> loss = graph.loss(tf, net, targets);
            // Adam with the bias-correction powers fed from Java each step: no shared step counter
            // inside the graph, so every run takes the same steps
            Placeholder<TFloat32> beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Placeholder<TFloat32> beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Gradients grads = tf.gradients(loss, vars);
            // no weight may change before every gradient is computed from the old weights
            var allGrads = new ArrayList<Identity<TFloat32>>();
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
                    int[] idx = Arrays.copyOfRange(order, pos, pos + spec.batchSize());
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
}
