package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.billing.boundary.BudgetGuard;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.ModelNotExplainableException;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.portal.inference.control.ShareKeys;
import org.citymaas.portal.inference.entity.Admission;
import org.citymaas.portal.inference.entity.Charge;
import org.citymaas.portal.inference.entity.ChosenRequestId;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.portal.models.boundary.ModelLifecycle;
import org.citymaas.portal.problems.InferenceAnswers;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.EngineUnavailableException;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelNotFoundException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The governed path's steps, shared by every kind of request that runs a model for a department
 * ({@link Inferences}: an answer; {@link Explanations}: an answer and its attribution): admit
 * (identify, refuse hostile names, authorize, read, validate) → charge (mask, digest, tell a retry from
 * a reuse of the request id, budget, reserve quota) → run (a failure releases the reservation and is
 * audited) → complete (settle, meter and audit in one transaction). Every outcome is audited exactly
 * once; a refusal or failure is thrown as its module's exception, which the edge answers
 * ({@link InferenceAnswers}).
 */
@ApplicationScoped
public class GovernedRequests {

    private static final Logger LOG = Logger.getLogger(GovernedRequests.class.getName());
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    Subscriptions subscriptions;

    @Inject
    ModelRuntime runtime;

    @Inject
    ModelLifecycle lifecycle;

    @Inject
    InputMasking masking;

    @Inject
    InferenceLedger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    BudgetGuard budgets;

    @Inject
    @ConfigProperty(name = "citymaas.inference.timeout", defaultValue = "PT30S")
    String timeoutSetting;

    private final Clock clock = Clock.systemUTC();

    /** See {@link Inferences#authorize}. */
    public ModelVersion authorize(Caller caller, ModelRef model) {
        var tenant = caller.tenant();
        var version = model.version();
        var subscription =
                tenant == null ? null : subscriptions.find(tenant, model.name()).orElse(null);
        if (subscription == null
                || (version != null
                        && subscription.pinnedVersion() != null
                        && !version.equals(subscription.pinnedVersion()))) {
            throw new NotSubscribedException(tenant, model.name(), version);
        }
        var wanted = version != null ? version : subscription.pinnedVersion();
        return lifecycle.resolve(model.name(), wanted);
    }

    /** The versions of the model the caller's department may run. */
    public List<String> versions(Caller caller, String model) {
        var subscription = subscriptions.find(caller.tenant(), model).orElseThrow();
        return subscription.pinnedVersion() != null ? List.of(subscription.pinnedVersion()) : lifecycle.serving(model);
    }

    /** How long a request may wait and run. */
    public Duration timeout() {
        return Duration.parse(timeoutSetting);
    }

    /**
     * Identifies, authorizes, reads and validates a request; a refusal is audited (under {@code action})
     * and thrown.
     *
     * @param admissible a further check of the version that will answer, after authorization and before
     *     the request is read (an explanation needs an explainable version); it throws the refusal
     */
    public Admission admit(
            Caller caller,
            ModelRef model,
            String action,
            String requestId,
            Supplier<TensorRequest> read,
            String clientAddress,
            Consumer<ModelVersion> admissible) {
        var event = AuditTrail.by(caller)
                .action(action)
                .resource(AuditTrail.resourcePath(
                        "models/" + model.name() + (model.version() == null ? "" : "/versions/" + model.version())))
                .clientAddress(clientAddress);
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            event.requestId(requestId);
        }
        try {
            var hostile = Stream.of(
                            HostileCharacters.find("model", "the model name", model.name()),
                            HostileCharacters.find("version", "the version", model.version()))
                    .flatMap(Optional::stream)
                    .toList();
            if (!hostile.isEmpty()) {
                throw new HostileTextException(hostile);
            }
            var target = authorize(caller, model);
            admissible.accept(target);
            var request = read.get();
            var chosen = ChosenRequestId.of(requestId, request);
            var id = chosen.id();
            if (!REQUEST_ID.matcher(id).matches()) {
                throw new InvalidInputException(List.of(new FieldViolation(
                        "id", "pattern", "a request id is 1-100 characters of letters, digits and . _ : -")));
            }
            event.requestId(id);
            request.requireOutputsOf(target.card());
            var validated = runtime.validate(
                    InferenceRequest.of(ShareKeys.of(caller.tenant()), target.ref(), request.inputs()));
            return new Admission(caller, model, target, request, id, chosen.madeHere(), validated, event);
        } catch (NotSubscribedException
                | UnknownModelException
                | ModelVersionRetiredException
                | ModelNotFoundException e) {
            throw refused(event, "DENIED", e);
        } catch (HostileTextException | InvalidInputException | ModelNotExplainableException e) {
            throw refused(event, "REJECTED", e);
        }
    }

    /**
     * Masks the request, and reserves its quota (one request and its rows, whatever its kind) unless it
     * retries a request id already charged for the same request of the same caller.
     *
     * @throws RequestIdReusedException the id was charged for another request or caller (audited)
     * @throws QuotaExceededException the quota is used up (audited)
     * @throws BudgetExhaustedException the enforced budget is spent (audited)
     */
    public Charge charge(Admission admission, UsageKind kind) {
        var caller = admission.caller();
        var model = admission.model();
        var request = admission.request();
        var event = admission.event();
        var masked = masking.mask(caller.tenant(), admission.target().card(), request.inputs());
        event.summary(masked.summary());
        var toRun = admission.validated().withText(masked.inputs());
        var requestDigest = kind == UsageKind.EXPLAIN
                ? RequestDigest.ofExplanation(model.name(), model.version(), request.outputs(), masked.inputs())
                : RequestDigest.of(model.name(), model.version(), request.outputs(), masked.inputs());
        event.digests(requestDigest, null);
        var charged = previousCharge(admission);
        if (charged.isPresent()
                && !charged.get().retriedBy(caller.name(), model.name(), request.rows(), requestDigest, kind)) {
            event.summary(masked.summary() + " | request id already used for a different request: not run");
            throw refused(event, "REJECTED", new RequestIdReusedException(admission.requestId()));
        }
        if (charged.isPresent()) {
            return new Charge(admission, kind, toRun, masked.summary(), requestDigest, null);
        }
        try {
            budgets.admit(caller.tenant());
            var reservation = ledger.reserve(caller.tenant(), model.name(), request.rows(), clock.instant());
            return new Charge(admission, kind, toRun, masked.summary(), requestDigest, reservation);
        } catch (QuotaExceededException | BudgetExhaustedException e) {
            throw refused(event, "REJECTED", e);
        }
    }

    /**
     * The usage event already charged under the request's id, if any. An id this server made (a random
     * UUID, the caller sent none) cannot have been charged: no look-up then. A client's id is always looked
     * up (a retry runs again uncharged, another request under it is refused 409); a concurrent first try
     * under the same id is still caught when the usage event is written ({@link InferenceLedger#complete}).
     */
    Optional<UsageEvent> previousCharge(Admission admission) {
        if (admission.idMadeHere()) {
            return Optional.empty();
        }
        return ledger.charged(admission.caller().tenant(), admission.requestId());
    }

    /**
     * Waits for what the charged request runs on the shared runtime; a refusal by the runtime, a failure
     * or the deadline releases the reservation, is audited and thrown.
     *
     * @param run submits the work (it may throw the runtime's refusal at once)
     */
    public <T> T await(Charge charge, Supplier<CompletableFuture<T>> run) {
        var timeout = timeout();
        try {
            return run.get().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (QueueFullException | InvalidInputException e) {
            throw failed(charge, e);
        } catch (TimeoutException e) {
            throw failed(charge, new InferenceTimeoutException(timeout));
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "inference failed", e.getCause());
            throw failed(
                    charge,
                    // a deadline or an external engine down or slow keeps its kind (504, 503), the rest is a failure
                    e.getCause() instanceof DeadlineExceededException
                                    || e.getCause() instanceof EngineUnavailableException
                            ? (ModelRuntimeException) e.getCause()
                            : new ModelRuntimeException("inference failed", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(charge, new PortalStoppingException());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference failed", e);
            throw failed(charge, new ModelRuntimeException("inference failed", e));
        }
    }

    /**
     * Settles, meters and audits an answered request in one transaction (a retry is only audited).
     *
     * @param answered the version that answered
     * @param outputs the outputs given, for the answer's digest
     * @param compute what it used, metered
     * @param summarySuffix appended to the audit event's summary (structure only), or empty
     * @return whether it was a retry of a request id already charged: not charged again
     * @throws RequestIdReusedException a concurrent request under the id, another request or caller,
     *     was charged first: this answer must not be given (audited as refused by the ledger)
     */
    public boolean complete(
            Charge charge, ModelRef answered, List<Tensor> outputs, Compute compute, String summarySuffix) {
        var admission = charge.admission();
        var requestId = admission.requestId();
        var event = admission.event();
        var answerDigest = RequestDigest.ofAnswer(answered, requestId, outputs);
        event.outcome("OK", InferenceAnswers.ANSWERED)
                .digests(charge.requestDigest(), answerDigest)
                .summary(charge.maskedSummary() + summarySuffix);
        if (charge.retry()) {
            audit.record(event.summary(charge.maskedSummary() + summarySuffix
                            + " | retry of an already charged request id: not charged again")
                    .build());
            return true;
        }
        var settled = ledger.complete(charge.reservation(), charge.usage(answered, compute, clock.instant()), event);
        if (settled == InferenceLedger.Settlement.CONFLICT) {
            throw new RequestIdReusedException(requestId);
        }
        return settled == InferenceLedger.Settlement.RETRY;
    }

    /** A failure after the charge: the reservation released (if any) and the failure audited, together. */
    private <E extends RuntimeException> E failed(Charge charge, E failure) {
        var event = charge.admission().event();
        event.outcome("FAILED", InferenceAnswers.status(failure));
        if (charge.reservation() != null) {
            ledger.fail(charge.reservation(), event.build());
        } else {
            audit.record(event.build());
        }
        return failure;
    }

    /** A refusal, audited before it is thrown. */
    private <E extends RuntimeException> E refused(AuditEvent.Builder event, String outcome, E refusal) {
        audit.record(event.outcome(outcome, InferenceAnswers.status(refusal)).build());
        return refusal;
    }
}
