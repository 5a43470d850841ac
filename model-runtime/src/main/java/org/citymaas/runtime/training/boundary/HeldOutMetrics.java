package org.citymaas.runtime.training.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.GroupAttributes;
import org.citymaas.runtime.training.control.HeldOutEvaluation;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;

/**
 * The trainer's held-out metrics for a version published later: which columns a held-out file holds (the
 * card's inputs, then the target column each output head was trained against, named as the trainer names
 * it) and the metrics recomputed on its rows through the runtime. The definitions are those of the recipe
 * the card names as its generator ({@code training_data.generator}), the same ones that scored the card
 * at training time; a card naming another generator has none here. A file may also carry one column per group
 * attribute of the recipe ({@code group:<attribute>}, {@link #groupColumn}): those labels never reach the model;
 * with them the rows' fairness report is recomputed as the trainer made it ({@code FairnessEvaluation} through
 * the recipe).
 */
public final class HeldOutMetrics {

    /** Rows per request: the rows go to the runtime in requests of this size, all queued at once. */
    static final int CHUNK = 512;

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    /** How a held-out file names the column of a group attribute: {@code group:sex}. */
    public static final String GROUP_COLUMN_PREFIX = "group:";

    /**
     * What a held-out file's rows measure.
     *
     * @param metrics each declared metric's definition with its baseline, on the rows
     * @param fairness the fairness report on the rows by their group labels, or null when they carry none
     */
    public record Measurement(List<Metric> metrics, FairnessReport fairness) {

        public Measurement {
            metrics = List.copyOf(metrics);
        }
    }

    private final ModelCard card;
    private final ModelRecipe recipe;

    private HeldOutMetrics(ModelCard card, ModelRecipe recipe) {
        this.card = card;
        this.recipe = recipe;
    }

    /** The definitions of the card's metrics, or empty when its generator is none of the shipped recipes. */
    public static Optional<HeldOutMetrics> of(ModelCard card) {
        if (card.trainingData() == null || card.trainingData().generator() == null) {
            return Optional.empty();
        }
        return CatalogRecipes.generating(card.trainingData().generator()).map(r -> new HeldOutMetrics(card, r));
    }

    /** The columns a held-out file holds: every input of the card, then the targets. */
    public List<FieldSpec> columns() {
        var columns = new ArrayList<>(card.inputs());
        for (var head : recipe.network().heads()) {
            if (head.kind() == HeadKind.SOFTMAX) {
                columns.add(target(head.target(), DataType.INT64, List.of(-1L), 0.0, head.width() - 1.0));
            } else if (head.kind() == HeadKind.SIGMOID) {
                columns.add(target(head.target(), DataType.FP32, List.of(-1L, 1L), 0.0, 1.0));
            } else {
                columns.add(target(head.target(), DataType.FP32, List.of(-1L, (long) head.width()), null, null));
            }
        }
        return columns;
    }

    /**
     * The group attributes whose columns a held-out file may carry ({@link #groupColumn}), in the order of the
     * recipe's fairness report; empty when the recipe has none.
     */
    public List<String> groupAttributes() {
        return recipe.groupAttributes();
    }

    /** A group attribute's column in a held-out file: {@code group:<attribute>}. */
    public static String groupColumn(String attribute) {
        return GROUP_COLUMN_PREFIX + attribute;
    }

    private static FieldSpec target(String name, DataType type, List<Long> shape, Double min, Double max) {
        return new FieldSpec(
                name, type, shape, null, min, max, null, Sensitivity.NONE, "the truth the metrics compare with", null);
    }

    /**
     * Runs the rows through the runtime (requests of {@value #CHUNK} rows under {@code share}) and scores the
     * outputs as the trainer does: each metric with its baseline, on these rows.
     *
     * @param columns every column of {@link #columns()}, each with {@code rows} rows
     * @throws InvalidModelUploadException {@code heldout-invalid} when the runtime refuses rows (naming them),
     *     {@code heldout-failed} when the model fails on them
     */
    public List<Metric> measure(ModelRuntime runtime, ShareKey share, int rows, Map<String, Tensor> columns) {
        return measure(runtime, share, rows, columns, Map.of()).metrics();
    }

    /**
     * As {@link #measure(ModelRuntime, ShareKey, int, Map)}, and with the rows' group labels the fairness report
     * as the trainer makes it (the recipe's {@code FairnessEvaluation}) on the same outputs.
     *
     * @param groups each of {@link #groupAttributes()} with one label per row, or empty (no fairness report)
     * @throws IllegalArgumentException {@code groups} is neither empty nor every attribute with {@code rows}
     *     labels
     */
    public Measurement measure(
            ModelRuntime runtime, ShareKey share, int rows, Map<String, Tensor> columns, Map<String, String[]> groups) {
        if (!groups.isEmpty()
                && (!groups.keySet().equals(java.util.Set.copyOf(groupAttributes()))
                        || groups.values().stream().anyMatch(labels -> labels.length != rows))) {
            throw new IllegalArgumentException(
                    "group labels for " + groups.keySet() + ", expected one per row for " + groupAttributes());
        }
        var table = new Table(rows, columns);
        var predictions = predict(runtime, share, rows, table);
        var metrics = recipe.evaluate(table, predictions);
        if (groups.isEmpty()) {
            return new Measurement(metrics, null);
        }
        var labels = groupAttributes().stream()
                .map(a -> Tensor.bytes(GroupAttributes.column(a), new long[] {rows}, groups.get(a)))
                .toList();
        return new Measurement(metrics, recipe.fairness(table.with(labels), predictions));
    }

    private Map<String, Tensor> predict(ModelRuntime runtime, ShareKey share, int rows, Table table) {
        var inputs = card.inputs().stream().map(FieldSpec::name).toList();
        var pending = new ArrayList<CompletableFuture<InferenceResult>>();
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            var request = InferenceRequest.of(
                            share, card.ref(), table.slice(from, to).columns(inputs))
                    .withTimeout(DEADLINE);
            try {
                pending.add(runtime.submit(request));
            } catch (InvalidInputException e) {
                throw new InvalidModelUploadException(
                        "heldout-invalid",
                        "held-out rows " + (from + 1) + " to " + to + " (lines " + (from + 2) + " to " + (to + 1)
                                + "): " + e.getMessage(),
                        e);
            }
        }
        var parts = new LinkedHashMap<String, List<Tensor>>();
        for (var answer : pending) {
            for (var out : outputs(answer)) {
                parts.computeIfAbsent(out.name(), k -> new ArrayList<>()).add(out);
            }
        }
        var predictions = new LinkedHashMap<String, Tensor>();
        parts.forEach((name, list) -> predictions.put(name, HeldOutEvaluation.concat(list)));
        return predictions;
    }

    private static List<Tensor> outputs(CompletableFuture<InferenceResult> answer) {
        try {
            return answer.get().outputs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidModelUploadException("heldout-failed", "interrupted while running the held-out rows");
        } catch (ExecutionException e) {
            var cause = e.getCause() instanceof ModelRuntimeException m ? m.getMessage() : String.valueOf(e.getCause());
            throw new InvalidModelUploadException(
                    "heldout-failed", "the model failed on the held-out rows: " + cause, e.getCause());
        }
    }
}
