package org.citymaas.runtime.training.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.citymaas.runtime.training.control.MlpGraph.Net;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained network as a SavedModel whose graph holds only the inference path, the weights as constants
 * and the feature scaling, under the default serving signature, replacing what the folder held.
 */
final class SavedModelExporter {

    private final MlpGraph graph;

    SavedModelExporter(MlpGraph graph) {
        this.graph = graph;
    }

    /** Exports the network with {@code weights} (in the order of {@link MlpGraph#initialWeights}) to {@code dir}. */
    void export(List<float[][]> weights, Path dir) {
        deleteRecursively(dir);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var params = new ArrayList<Operand<TFloat32>>();
            for (float[][] w : weights) {
                params.add(tf.constant(w));
            }
            Net net = graph.build(tf, params);
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

    private static void deleteRecursively(Path dir) {
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
