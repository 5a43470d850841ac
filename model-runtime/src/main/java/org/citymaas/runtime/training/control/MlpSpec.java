package org.citymaas.runtime.training.control;

import java.util.List;

/**
 * A multi-layer perceptron over named SavedModel inputs, with one or more named heads.
 *
 * @param features the SavedModel inputs and how each becomes network input
 * @param scaleInput an FP32 input whose row mean (plus one) scales that input and every regression
 *     head, so one network serves a quiet road and a busy one alike; {@code null}: none
 * @param hidden widths of the hidden ReLU layers
 * @param heads the outputs
 * @param steps Adam steps
 * @param batchSize rows per step
 * @param learningRate Adam's learning rate
 * @param seed seed of the initial weights and the minibatch order
 */
public record MlpSpec(
        List<Feature> features,
        String scaleInput,
        int[] hidden,
        List<Head> heads,
        int steps,
        int batchSize,
        float learningRate,
        long seed) {

    /** How an input enters the network. */
    public enum FeatureKind {
        /** FP32 {@code [-1, width]}, standardized with the training data's column means and deviations. */
        NUMERIC,
        /** INT64 {@code [-1, 1]} category in {@code [0, width)}, one-hot encoded. */
        ONE_HOT,
        /** FP32 {@code [-1, width]} already on a unit scale (text features). */
        DENSE
    }

    /** What a head predicts. */
    public enum HeadKind {
        /** FP32 {@code [-1, width]} values, squared error on standardized targets. */
        REGRESSION,
        /** FP32 {@code [-1, width]} class probabilities, cross entropy against INT64 {@code [-1]} labels. */
        SOFTMAX,
        /** FP32 {@code [-1, 1]} probability of the positive class, against FP32 0/1 targets. */
        SIGMOID
    }

    public record Feature(String name, FeatureKind kind, int width) {}

    /**
     * @param name the SavedModel output name
     * @param target the training table column holding the truth
     */
    public record Head(String name, HeadKind kind, int width, String target) {}
}
