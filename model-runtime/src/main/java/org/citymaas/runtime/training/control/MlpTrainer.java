package org.citymaas.runtime.training.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Trains an {@link MlpSpec} with Adam and exports a SavedModel whose graph holds only the inference
 * path, the trained weights as constants and the feature scaling, so serving needs no Java code beyond
 * the shared featurizers: {@link FeatureScaling} measures the training data, {@link MlpGraph} builds the
 * network, {@link AdamTraining} runs the training loop and {@link SavedModelExporter} writes the result.
 */
public final class MlpTrainer {

    private final MlpSpec spec;

    public MlpTrainer(MlpSpec spec) {
        this.spec = spec;
    }

    /** Trains on {@code train} (SavedModel inputs and target columns) and exports to {@code dir}. */
    public void trainAndExport(Table train, Path dir) {
        var graph = new MlpGraph(spec, FeatureScaling.of(spec, train));
        List<float[][]> weights = graph.initialWeights(new Random(spec.seed()));
        List<float[][]> trained = new AdamTraining(spec, graph).train(train, weights);
        new SavedModelExporter(graph).export(trained, dir);
    }
}
