package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.portal.errors.ModelNotExplainableException;
import org.citymaas.portal.inference.entity.ExplanationOutcome;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.explain.boundary.Explainer;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.security.identity.entity.Caller;

/**
 * Governed explanation ({@code /explain}, the model page's "explain"): the same path as an inference
 * ({@link GovernedRequests}: authorized, validated, masked, quota-checked, metered and audited, a request
 * id charged once), for a version whose model card has an explanation method. The rows are answered as
 * {@code /infer} answers them and explained by model-runtime's {@link Explainer}, both on the shared
 * runtime under the department's own share, on the masked inputs: a complaint's attribution is over its
 * masked text only.
 *
 * <p>Quota: an explanation takes one request and its rows (the rows explained) from the model's
 * monthly quota, reserved like an inference's, so the no-overspend guarantee is the same. Billing: one
 * usage event of kind {@code EXPLAIN} (its rows; the compute of the answer and of every row the explanation ran),
 * priced per explained row as
 * {@code EXPLANATION}. Audit: {@code inference.explain}, structure only, with the method and how many
 * rows the explanation ran through the model.
 */
@ApplicationScoped
public class Explanations {

    static final String ACTION = "inference.explain";

    @Inject
    GovernedRequests governed;

    @Inject
    ModelRuntime runtime;

    @Inject
    Explainer explainer;

    /** Whether the version's answers can be explained (its model card has an explanation method). */
    public boolean explainable(ModelVersion version) {
        return explainer.explains(version);
    }

    /**
     * Answers and explains one request of the caller's department.
     *
     * @throws ModelNotExplainableException the version's card has no explanation method: 422, nothing charged
     * @see Inferences#infer for every other refusal and failure, which are the same
     */
    public ExplanationOutcome explain(
            Caller caller, ModelRef model, String requestId, Supplier<TensorRequest> request, String clientAddress) {
        var admission =
                governed.admit(caller, model, ACTION, requestId, request, clientAddress, this::requireExplainable);
        var charge = governed.charge(admission, UsageKind.EXPLAIN);
        var toRun = charge.toRun().withTimeout(governed.timeout());
        var ran = governed.await(charge, () -> {
            var answer = runtime.submit(toRun);
            return answer.thenCombine(explainer.explain(toRun), Ran::new);
        });
        var result = ran.answer();
        var explanation = ran.explanation();
        var outputs = admission.request().wanted(result.outputs());
        var retry = governed.complete(
                charge,
                result.model(),
                outputs,
                metered(result.compute(), explanation.compute()),
                " explanation=" + explanation.method() + " rowsRun=" + explanation.rowsRun());
        var card = admission.target().card();
        var answer =
                new InferenceOutcome(admission.requestId(), result.model(), card, outputs, result.compute(), retry);
        return new ExplanationOutcome(answer, explanation, card.explanation());
    }

    /**
     * What the usage event records: the answer's rows (what the quota settles) with the compute time of the answer
     * and of every row the explanation ran.
     */
    private static Compute metered(Compute answer, Compute explanation) {
        return new Compute(
                answer.device(),
                answer.millis() + explanation.millis(),
                answer.rows(),
                answer.batchRows(),
                Math.max(answer.queueMillis(), explanation.queueMillis()));
    }

    private void requireExplainable(ModelVersion version) {
        if (!explainer.explains(version)) {
            var card = version.card();
            throw new ModelNotExplainableException(card.name(), card.version(), Explainer.refusal(card));
        }
    }

    private record Ran(InferenceResult answer, Explanation explanation) {}
}
