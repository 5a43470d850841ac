package org.citymaas.runtime.explain.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.explain.control.Coalitions;
import org.citymaas.runtime.explain.control.ExplainedOutput;
import org.citymaas.runtime.explain.control.Tensors;
import org.citymaas.runtime.explain.control.TokenOcclusion;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * Explains predictions of the versions whose card has an {@code explanation} section, by running perturbed rows
 * through the runtime like any request: in requests of at most the version's batch size, under the request's own
 * share key, priority and timeout, so the fair queue and batching apply and a department pays its explanations in
 * its own share. Tabular models ({@code exact-shapley}): per request row, one row per coalition of the inputs
 * ({@code 2^n}), each input from the request where in the coalition and from the card's baseline point elsewhere;
 * the exact Shapley values add up to the prediction minus the output at the baseline point. Text models ({@code
 * occlusion}): the text, the empty text and the text without each of its first 64 tokens; a token's share is the
 * drop in the top class's probability without it. Thread-safe.
 */
public final class Explainer {

    /** Validated in place of an empty text, then swapped back. */
    private static final String EMPTY_PLACEHOLDER = "-";

    private final ModelRuntime runtime;

    public Explainer(ModelRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** Whether a version's predictions can be explained. */
    public boolean explains(ModelVersion version) {
        return refusal(version.card()) == null;
    }

    /** Why a card's model cannot be explained, or {@code null} when it can. */
    public static String refusal(ModelCard card) {
        ExplanationSpec spec = card.explanation();
        if (spec == null) {
            return "the model " + card.ref() + " has no explanation section on its card";
        }
        if (card.outputs().stream().noneMatch(o -> o.name().equals(spec.output()))) {
            return "the explanation of " + card.ref() + " names no output of the model (" + spec.output() + ")";
        }
        if (ExplanationSpec.OCCLUSION.equals(spec.method())) {
            if (card.textFeatures() == null) {
                return "occlusion explains text models only; " + card.ref() + " has no text input";
            }
            if (output(card).labels().isEmpty()) {
                return "occlusion explains class probabilities; output " + spec.output() + " has no labels";
            }
            return null;
        }
        try {
            Coalitions.of(card);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * How many rows explaining a validated request runs through the model (what it costs): tabular {@code rows *
     * 2^n}, text per row 2 plus its tokens (at most 64).
     *
     * @throws InvalidInputException the version cannot be explained
     */
    public long rowsToRun(ValidatedRequest validated) {
        ModelCard card = explainable(validated);
        if (ExplanationSpec.OCCLUSION.equals(card.explanation().method())) {
            long rows = 0;
            for (String text : text(card, validated.request().inputs()).strings()) {
                rows += TokenOcclusion.rows(text);
            }
            return rows;
        }
        return (long) validated.rows() * Coalitions.of(card).rowsPerRow();
    }

    /** Validates the request as {@link ModelRuntime#validate} does, then explains it. */
    public CompletableFuture<Explanation> explain(InferenceRequest request) {
        return explain(runtime.validate(request));
    }

    /**
     * Explains every row of a validated request (its text as it stands: the portal's masked text). Throws at once,
     * before anything is queued, {@link InvalidInputException} when the version cannot be explained; a {@link
     * org.citymaas.runtime.QueueFullException} or {@link org.citymaas.runtime.RuntimeClosedException} from the
     * runtime while the rows are queued. The future fails as a request's does.
     */
    public CompletableFuture<Explanation> explain(ValidatedRequest validated) {
        ModelCard card = explainable(validated);
        ExplanationSpec spec = card.explanation();
        var output = new ExplainedOutput(output(card));
        List<Tensor> inputs = validated.request().inputs();
        if (ExplanationSpec.OCCLUSION.equals(spec.method())) {
            return occlusion(validated, card, output, inputs);
        }
        Coalitions coalitions = Coalitions.of(card);
        List<Tensor> rows = coalitions.rows(inputs);
        int total = validated.rows() * coalitions.rowsPerRow();
        return run(validated, rows, total, output)
                .thenApply(out ->
                        explanation(validated, spec, output, coalitions.explain(out, output, validated.rows()), total));
    }

    private CompletableFuture<Explanation> occlusion(
            ValidatedRequest validated, ModelCard card, ExplainedOutput output, List<Tensor> inputs) {
        Tensor text = text(card, inputs);
        String[] texts = text.strings();
        var tokens = new ArrayList<List<TokenOcclusion.Token>>(texts.length);
        var runTexts = new ArrayList<String>();
        int[] counts = new int[texts.length];
        for (int r = 0; r < texts.length; r++) {
            var t = TokenOcclusion.tokens(texts[r]);
            tokens.add(t);
            var these = TokenOcclusion.texts(texts[r], t);
            counts[r] = these.size();
            runTexts.addAll(these);
        }
        int total = runTexts.size();
        var rows = new ArrayList<Tensor>(inputs.size());
        for (Tensor t : inputs) {
            if (t == text) {
                long[] shape = t.shape().clone();
                shape[0] = total;
                rows.add(Tensor.bytes(t.name(), shape, runTexts.toArray(String[]::new)));
            } else {
                rows.add(Tensors.repeatRows(t, counts));
            }
        }
        return run(validated, rows, total, output).thenApply(out -> {
            var explained = new ArrayList<RowExplanation>(texts.length);
            int first = 0;
            for (int r = 0; r < texts.length; r++) {
                explained.add(TokenOcclusion.explain(out, first, output, tokens.get(r)));
                first += counts[r];
            }
            return explanation(validated, card.explanation(), output, explained, total);
        });
    }

    /**
     * Queues the rows in requests of at most the version's batch size, all at once, and gathers the explained
     * output's rows in order.
     */
    private CompletableFuture<float[]> run(
            ValidatedRequest validated, List<Tensor> rows, int total, ExplainedOutput output) {
        InferenceRequest request = validated.request();
        ModelRef version = validated.version().ref();
        int chunk = Math.max(1, runtime.config().maxBatchRows(version.name()));
        var futures = new ArrayList<CompletableFuture<InferenceResult>>();
        for (int from = 0; from < total; from += chunk) {
            int to = Math.min(total, from + chunk);
            var part = new InferenceRequest(
                    request.tenant(), version, Tensors.slice(rows, from, to), request.priority(), request.timeout());
            futures.add(runtime.submit(validated(part)));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    float[] out = new float[total * output.width()];
                    int at = 0;
                    for (var f : futures) {
                        float[] part = f.join().output(output.name()).floats();
                        System.arraycopy(part, 0, out, at, part.length);
                        at += part.length;
                    }
                    return out;
                });
    }

    /**
     * A part validated by the runtime like any request; the empty texts of an occlusion (the baseline, a text
     * without its only token), which a request may not hold, are validated as a placeholder and swapped back in
     * the way the portal swaps in masked text.
     */
    private ValidatedRequest validated(InferenceRequest part) {
        var placeholders = new ArrayList<Tensor>(part.inputs().size());
        boolean blank = false;
        for (Tensor t : part.inputs()) {
            if (t.datatype() == DataType.BYTES) {
                String[] texts = t.strings().clone();
                for (int i = 0; i < texts.length; i++) {
                    if (texts[i].isBlank()) {
                        texts[i] = EMPTY_PLACEHOLDER;
                        blank = true;
                    }
                }
                placeholders.add(new Tensor(t.name(), t.datatype(), t.shape(), texts));
            } else {
                placeholders.add(t);
            }
        }
        if (!blank) {
            return runtime.validate(part);
        }
        return runtime.validate(new InferenceRequest(
                        part.tenant(), part.model(), placeholders, part.priority(), part.timeout()))
                .withText(part.inputs());
    }

    private static Explanation explanation(
            ValidatedRequest validated,
            ExplanationSpec spec,
            ExplainedOutput output,
            List<RowExplanation> rows,
            long rowsRun) {
        String label = rows.isEmpty() ? null : rows.get(0).label();
        for (RowExplanation r : rows) {
            if (!Objects.equals(label, r.label())) {
                label = null;
            }
        }
        return new Explanation(validated.version().ref(), spec.method(), output.name(), label, rows, rowsRun);
    }

    private static ModelCard explainable(ValidatedRequest validated) {
        ModelCard card = validated.card();
        String refusal = refusal(card);
        if (refusal != null) {
            throw new InvalidInputException(List.of(new FieldViolation(card.name(), "explainable", refusal)));
        }
        return card;
    }

    private static FieldSpec output(ModelCard card) {
        String name = card.explanation().output();
        return card.outputs().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ModelRuntimeException("no output " + name));
    }

    private static Tensor text(ModelCard card, List<Tensor> inputs) {
        String name = card.textFeatures().input();
        return inputs.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        List.of(new FieldViolation(name, "required", "the input is missing"))));
    }
}
