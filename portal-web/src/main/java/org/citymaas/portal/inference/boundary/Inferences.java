package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.portal.drift.boundary.LiveUse;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.portal.problems.InferenceAnswers;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;

/**
 * Governed inference, whatever the channel (the v2 API, the model page, a batch line): identify →
 * authorize → validate (once, against the version's signature) → mask → reserve → run → settle,
 * meter and audit in one transaction → answer, through the steps every governed request shares
 * ({@link GovernedRequests}). Every outcome is audited exactly once ({@code inference.request}); a
 * refusal or failure is thrown as its module's exception, which the edge answers ({@link InferenceAnswers}).
 *
 * <p>A request id (the caller's, else the request's own, else generated) answers for one request.
 * When the department was already charged for it, the same caller sending the same request (same
 * {@link RequestDigest}) is a retry: run again, neither reserved nor charged again, and its audit
 * event says so. Anything else under that id (another request, or another caller of the department)
 * is refused ({@link RequestIdReusedException}), audited and not charged, as idempotency keys are
 * (IETF draft-ietf-httpapi-idempotency-key-header): otherwise a reused id would run any input free of
 * quota and charge. An id charged before digests were kept is a retry only for its own caller, the
 * same model and rows ({@link UsageEvent#retriedBy}).
 */
@ApplicationScoped
public class Inferences {

    static final String ACTION = "inference.request";

    @Inject
    GovernedRequests governed;

    @Inject
    ModelRuntime runtime;

    @Inject
    LiveUse liveUse;

    /**
     * The model version the caller's department may run (its default or pinned one when none is named).
     *
     * @throws NotSubscribedException the department does not subscribe to it (or to that version)
     * @throws UnknownModelException the catalog has no such version (or it is still staged); both answer alike
     * @throws ModelVersionRetiredException the version (named or pinned) is retired: 410 naming its replacement
     */
    public ModelVersion authorize(Caller caller, ModelRef model) {
        return governed.authorize(caller, model);
    }

    /** The versions of the model the caller's department may run. */
    public List<String> versions(Caller caller, String model) {
        return governed.versions(caller, model);
    }

    /**
     * Runs one request of the caller's department.
     *
     * @param requestId the caller's id for it ({@code X-Request-Id}), or null: the request's own, else a new one
     * @param request the request, read once the model is authorized (so that an unknown model is refused
     *     before a malformed request); it throws {@link InvalidInputException} naming the fields at fault
     * @throws HostileTextException the model name or version holds a character no text may hold
     * @throws NotSubscribedException the department has no such model (also {@link UnknownModelException})
     * @throws InvalidInputException the request breaks the version's signature; nothing was charged
     * @throws RequestIdReusedException the request id was charged for another request or caller
     * @throws QuotaExceededException the department's monthly quota for the model is used up
     * @throws BudgetExhaustedException the department's enforced monthly budget is spent; nothing was charged
     * @throws ModelRuntimeException the runtime refused ({@link QueueFullException}) or failed, or the
     *     deadline passed ({@link DeadlineExceededException}); also {@link InferenceTimeoutException},
     *     {@link PortalStoppingException}. The reservation was released
     */
    public InferenceOutcome infer(
            Caller caller, ModelRef model, String requestId, Supplier<TensorRequest> request, String clientAddress) {
        var admission = governed.admit(caller, model, ACTION, requestId, request, clientAddress, version -> {});
        var charge = governed.charge(admission, UsageKind.INFER);
        var result = governed.await(charge, () -> runtime.submit(charge.toRun().withTimeout(governed.timeout())));
        var outputs = admission.request().wanted(result.outputs());
        var retry = governed.complete(charge, result.model(), outputs, result.compute(), "");
        liveUse.count(caller.tenant(), result.model(), admission.target().card(), result.outputs());
        return new InferenceOutcome(
                admission.requestId(), result.model(), admission.target().card(), outputs, result.compute(), retry);
    }
}
