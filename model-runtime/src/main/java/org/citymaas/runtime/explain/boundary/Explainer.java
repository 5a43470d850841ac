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
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.explain.control.Coalitions;
import org.citymaas.runtime.explain.control.Explainability;
import org.citymaas.runtime.explain.control.ExplainedOutput;
import org.citymaas.runtime.explain.control.Tensors;
import org.citymaas.runtime.explain.control.TokenOcclusion;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.InferenceRequest;
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
        return Explainability.refusal(card);
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
        return Parts.run(runtime, validated, rows, total, output)
                .thenApply(ran -> explanation(
                        validated,
                        spec,
                        output,
                        coalitions.explain(ran.values(), output, validated.rows()),
                        total,
                        ran.compute()));
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
        return Parts.run(runtime, validated, rows, total, output).thenApply(ran -> {
            var out = ran.values();
            var explained = new ArrayList<RowExplanation>(texts.length);
            int first = 0;
            for (int r = 0; r < texts.length; r++) {
                explained.add(TokenOcclusion.explain(out, first, output, tokens.get(r)));
                first += counts[r];
            }
            return explanation(validated, card.explanation(), output, explained, total, ran.compute());
        });
    }

    private static Explanation explanation(
            ValidatedRequest validated,
            ExplanationSpec spec,
            ExplainedOutput output,
            List<RowExplanation> rows,
            long rowsRun,
            Compute compute) {
        String label = rows.isEmpty() ? null : rows.get(0).label();
        for (RowExplanation r : rows) {
            if (!Objects.equals(label, r.label())) {
                label = null;
            }
        }
        return new Explanation(validated.version().ref(), spec.method(), output.name(), label, rows, rowsRun, compute);
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
        FieldSpec output = Explainability.output(card);
        if (output == null) {
            throw new ModelRuntimeException("no output " + card.explanation().output());
        }
        return output;
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
