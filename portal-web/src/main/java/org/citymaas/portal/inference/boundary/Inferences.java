package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.billing.boundary.BudgetGuard;
import org.citymaas.portal.drift.boundary.LiveUse;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.portal.inference.control.ShareKeys;
import org.citymaas.portal.inference.entity.InferenceOutcome;
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
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Governed inference, whatever the channel (the v2 API, the model page, a batch line): identify →
 * authorize → validate (once, against the version's signature) → mask → reserve → run → settle,
 * meter and audit in one transaction → answer. Every outcome is audited exactly once; a refusal or
 * failure is thrown as its module's exception, which the edge answers ({@link InferenceAnswers}).
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

    private static final Logger LOG = Logger.getLogger(Inferences.class.getName());
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
    LiveUse liveUse;

    @Inject
    @ConfigProperty(name = "citymaas.inference.timeout", defaultValue = "PT30S")
    String timeoutSetting;

    private final Clock clock = Clock.systemUTC();

    /**
     * The model version the caller's department may run (its default or pinned one when none is named).
     *
     * @throws NotSubscribedException the department does not subscribe to it (or to that version)
     * @throws UnknownModelException the catalog has no such version (or it is still staged); both answer alike
     * @throws ModelVersionRetiredException the version (named or pinned) is retired: 410 naming its replacement
     */
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
        var event = AuditTrail.by(caller)
                .action("inference.request")
                .resource(AuditTrail.resourcePath(
                        "models/" + model.name() + (model.version() == null ? "" : "/versions/" + model.version())))
                .clientAddress(clientAddress);
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            event.requestId(requestId);
        }
        Admitted admitted;
        try {
            admitted = admit(caller, model, requestId, request, event);
        } catch (NotSubscribedException
                | UnknownModelException
                | ModelVersionRetiredException
                | ModelNotFoundException e) {
            throw refused(event, "DENIED", e);
        } catch (HostileTextException | InvalidInputException e) {
            throw refused(event, "REJECTED", e);
        }
        return run(caller, model, admitted, event);
    }

    /** A request authorized and validated, under its request id. */
    private record Admitted(ModelVersion target, TensorRequest request, String requestId, ValidatedRequest validated) {}

    private Admitted admit(
            Caller caller, ModelRef model, String requestId, Supplier<TensorRequest> read, AuditEvent.Builder event) {
        var hostile = Stream.of(
                        HostileCharacters.find("model", "the model name", model.name()),
                        HostileCharacters.find("version", "the version", model.version()))
                .flatMap(Optional::stream)
                .toList();
        if (!hostile.isEmpty()) {
            throw new HostileTextException(hostile);
        }
        var target = authorize(caller, model);
        var request = read.get();
        var id = requestId != null
                ? requestId
                : request.id().orElseGet(() -> UUID.randomUUID().toString());
        if (!REQUEST_ID.matcher(id).matches()) {
            throw new InvalidInputException(List.of(new FieldViolation(
                    "id", "pattern", "a request id is 1-100 characters of letters, digits and . _ : -")));
        }
        event.requestId(id);
        request.requireOutputsOf(target.card());
        var validated =
                runtime.validate(InferenceRequest.of(ShareKeys.of(caller.tenant()), target.ref(), request.inputs()));
        return new Admitted(target, request, id, validated);
    }

    private InferenceOutcome run(Caller caller, ModelRef model, Admitted admitted, AuditEvent.Builder event) {
        var request = admitted.request();
        var requestId = admitted.requestId();
        var card = admitted.target().card();
        var masked = masking.mask(caller.tenant(), card, request.inputs());
        event.summary(masked.summary());
        var toRun = admitted.validated().withText(masked.inputs());
        var requestDigest = RequestDigest.of(model.name(), model.version(), request.outputs(), masked.inputs());
        event.digests(requestDigest, null);
        var charged = ledger.charged(caller.tenant(), requestId);
        if (charged.isPresent()
                && !charged.get().retriedBy(caller.name(), model.name(), request.rows(), requestDigest)) {
            event.summary(masked.summary() + " | request id already used for a different request: not run");
            throw refused(event, "REJECTED", new RequestIdReusedException(requestId));
        }
        Reservation reservation = null;
        if (charged.isEmpty()) {
            try {
                budgets.admit(caller.tenant());
                reservation = ledger.reserve(caller.tenant(), model.name(), request.rows(), clock.instant());
            } catch (QuotaExceededException | BudgetExhaustedException e) {
                throw refused(event, "REJECTED", e);
            }
        }
        var result = execute(event, reservation, toRun);
        var outputs = request.wanted(result.outputs());
        var answered = RequestDigest.ofAnswer(result.model(), requestId, outputs);
        event.outcome("OK", InferenceAnswers.ANSWERED).digests(requestDigest, answered);
        var retry = reservation == null;
        if (retry) {
            audit.record(
                    event.summary(masked.summary() + " | retry of an already charged request id: not charged again")
                            .build());
        } else {
            var settled = ledger.complete(reservation, usage(caller, model, requestId, requestDigest, result), event);
            if (settled == InferenceLedger.Settlement.CONFLICT) {
                throw new RequestIdReusedException(requestId); // audited as refused by complete
            }
            retry = settled == InferenceLedger.Settlement.RETRY;
        }
        liveUse.count(caller.tenant(), result.model(), card, result.outputs());
        return new InferenceOutcome(requestId, result.model(), card, outputs, result.compute(), retry);
    }

    private UsageEvent usage(
            Caller caller, ModelRef model, String requestId, String requestDigest, InferenceResult result) {
        var compute = result.compute();
        return new UsageEvent(
                caller.tenant(),
                requestId,
                caller.name(),
                model.name(),
                result.model().version(),
                compute.rows(),
                BigDecimal.valueOf(compute.millis()).setScale(3, RoundingMode.HALF_UP),
                compute.device(),
                "OK",
                clock.instant(),
                requestDigest);
    }

    /** Runs the validated request on the shared runtime; a failure releases the reservation and is audited. */
    private InferenceResult execute(AuditEvent.Builder event, Reservation reservation, ValidatedRequest request) {
        var timeout = Duration.parse(timeoutSetting);
        try {
            var future = runtime.submit(request.withTimeout(timeout));
            return future.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (QueueFullException e) {
            throw failed(event, reservation, e);
        } catch (TimeoutException e) {
            throw failed(event, reservation, new InferenceTimeoutException(timeout));
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "inference failed", e.getCause());
            throw failed(
                    event,
                    reservation,
                    // a deadline or an external engine down or slow keeps its kind (504, 503), the rest is a failure
                    e.getCause() instanceof DeadlineExceededException
                                    || e.getCause() instanceof EngineUnavailableException
                            ? (ModelRuntimeException) e.getCause()
                            : new ModelRuntimeException("inference failed", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(event, reservation, new PortalStoppingException());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference failed", e);
            throw failed(event, reservation, new ModelRuntimeException("inference failed", e));
        }
    }

    private <E extends RuntimeException> E failed(AuditEvent.Builder event, Reservation reservation, E failure) {
        event.outcome("FAILED", InferenceAnswers.status(failure));
        if (reservation != null) {
            ledger.fail(reservation, event.build());
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
