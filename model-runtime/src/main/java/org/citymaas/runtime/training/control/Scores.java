package org.citymaas.runtime.training.control;

import java.util.Arrays;

/** The metrics the cards report. */
public final class Scores {

    private Scores() {}

    public static double mae(float[] predicted, float[] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(predicted[i] - truth[i]);
        }
        return sum / truth.length;
    }

    /** Share of rows whose most probable class is the label. */
    public static double accuracy(float[] probabilities, long[] labels) {
        int classes = probabilities.length / labels.length;
        int hits = 0;
        for (int r = 0; r < labels.length; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[r * classes + c] > probabilities[r * classes + best]) {
                    best = c;
                }
            }
            hits += best == labels[r] ? 1 : 0;
        }
        return (double) hits / labels.length;
    }

    /** Accuracy of always answering the most frequent class of {@code trainLabels}. */
    public static double majorityAccuracy(long[] trainLabels, long[] labels) {
        long majority = Arrays.stream(trainLabels)
                .boxed()
                .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()))
                .entrySet()
                .stream()
                .max(java.util.Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        return (double) Arrays.stream(labels).filter(l -> l == majority).count() / labels.length;
    }

    /** Area under the ROC curve (ties counted half). */
    public static double auc(float[] scores, float[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]] > 0.5f) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    public static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
