package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.portal.inference.control.V2Codec;
import org.citymaas.portal.inference.control.V2Request;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.control.InputValidator;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.control.HostileCharacters;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One governed inference request: identify → authorize → validate → mask → reserve → run → settle,
 * meter and audit in one transaction → answer. Every outcome is audited exactly once.
 *
 * <p>A request id ({@code X-Request-Id}, else the body's {@code id}, else generated) answers for
 * one request. When the department was already charged for it, the same caller sending the same
 * request (same {@link RequestDigest}) is a retry: run again, neither reserved nor charged again,
 * and its audit event says so. Anything else under that id (another request, or another caller of
 * the department) is refused with 409, audited and not charged, as idempotency keys are (IETF
 * draft-ietf-httpapi-idempotency-key-header): otherwise a reused id would run any input free of quota
 * and charge. An id charged before digests were kept is a retry only for its own caller, the same
 * model and rows ({@link UsageEvent#retriedBy}).
 */
@ApplicationScoped
public class InferenceGateway {

    private static final Logger LOG = Logger.getLogger(InferenceGateway.class.getName());
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    Subscriptions subscriptions;

    @Inject
    Catalog catalog;

    @Inject
    ModelRuntime runtime;

    @Inject
    InputMasking masking;

    @Inject
    InferenceLedger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "citymaas.inference.timeout", defaultValue = "PT30S")
    String timeoutSetting;

    private final Clock clock = Clock.systemUTC();

    /** The model version the caller's department may run, or 404 (unknown and unsubscribed look alike). */
    public ModelVersion authorize(Caller caller, String model, String version) {
        var tenant = caller.tenant();
        var subscription =
                tenant == null ? null : subscriptions.find(tenant, model).orElse(null);
        if (subscription == null
                || (version != null
                        && subscription.pinnedVersion() != null
                        && !version.equals(subscription.pinnedVersion()))) {
            throw new UnknownModelException(
                    "your department has no model '" + model + "'" + (version == null ? "" : " version " + version));
        }
        var wanted = version != null ? version : subscription.pinnedVersion();
        return catalog.versions(model).stream()
                .filter(v ->
                        wanted == null ? v.defaultVersion() : v.card().version().equals(wanted))
                .findFirst()
                .orElseThrow(() ->
                        new UnknownModelException("your department has no model '" + model + "' version " + wanted));
    }

    /** The versions of the model the caller's department may run. */
    public List<String> versions(Caller caller, String model) {
        var subscription = subscriptions.find(caller.tenant(), model).orElseThrow();
        return subscription.pinnedVersion() != null
                ? List.of(subscription.pinnedVersion())
                : catalog.versions(model).stream().map(v -> v.card().version()).toList();
    }

    public String infer(
            Caller caller, String model, String version, String headerRequestId, String body, String clientAddress) {
        var event = AuditTrail.by(caller)
                .action("inference.request")
                .resource(AuditTrail.resourcePath("models/" + model + (version == null ? "" : "/versions/" + version)))
                .clientAddress(clientAddress);
        if (headerRequestId != null && REQUEST_ID.matcher(headerRequestId).matches()) {
            event.requestId(headerRequestId);
        }
        var hostile = hostilePathParameters(model, version);
        if (!hostile.isEmpty()) {
            throw invalid(event, hostile);
        }
        ModelVersion target;
        try {
            target = authorize(caller, model, version);
        } catch (UnknownModelException e) {
            throw reject(event, 404, "No such model", e.getMessage(), Map.of());
        }
        V2Request request;
        try {
            request = V2Codec.read(body);
        } catch (InvalidInputException e) {
            throw invalid(event, e.violations());
        }
        var requestId = headerRequestId != null
                ? headerRequestId
                : request.id().orElseGet(() -> UUID.randomUUID().toString());
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw invalid(
                    event,
                    List.of(new FieldViolation(
                            "id", "pattern", "a request id is 1-100 characters of" + " letters, digits and . _ : -")));
        }
        event.requestId(requestId);
        var card = target.card();
        var unknownOutputs = V2Codec.unknownOutputs(request, card);
        if (!unknownOutputs.isEmpty()) {
            throw invalid(
                    event,
                    unknownOutputs.stream()
                            .map(o -> new FieldViolation(o, "unknown", "the model has no output '" + o + "'"))
                            .toList());
        }
        var violations = InputValidator.validate(card, request.inputs());
        if (!violations.isEmpty()) {
            throw invalid(event, violations);
        }
        var masked = masking.mask(caller.tenant(), card, request.inputs());
        event.summary(masked.summary());
        var requestDigest = RequestDigest.of(model, version, request.outputs(), masked.inputs());
        event.digests(requestDigest, null);
        var now = clock.instant();
        var charged = ledger.charged(caller.tenant(), requestId);
        if (charged.isPresent() && !charged.get().retriedBy(caller.name(), model, request.rows(), requestDigest)) {
            event.summary(masked.summary() + " | request id already used for a different request: not run");
            audit.record(event.outcome("REJECTED", 409).build());
            throw idAlreadyUsed(requestId);
        }
        var retry = charged.isPresent();
        Reservation reservation = null;
        if (!retry) {
            try {
                reservation = ledger.reserve(caller.tenant(), model, request.rows(), now);
            } catch (QuotaExceededException e) {
                var resetsAt = e.resetsAt();
                throw reject(
                        event,
                        429,
                        "Quota exhausted",
                        "Your department's monthly quota for '" + model + "' is used up; it resets at " + resetsAt
                                + " (start of next month, Asia/Shanghai).",
                        Map.of(
                                "resetsAt",
                                resetsAt.toString(),
                                "retryAfterSeconds",
                                Math.max(1L, Duration.between(now, resetsAt).toSeconds())));
            }
        }
        var result = run(event, reservation, caller, target, masked.inputs());
        var answer = V2Codec.response(result, requestId, request.outputs(), card);
        event.outcome("OK", 200).digests(requestDigest, AuditEvent.digest(answer.getBytes(StandardCharsets.UTF_8)));
        if (reservation == null) {
            audit.record(event.summary(
                            masked.summary() + " | retry of an already charged request id: not charged" + " again")
                    .build());
        } else {
            var compute = result.compute();
            var settled = ledger.complete(
                    reservation,
                    new UsageEvent(
                            caller.tenant(),
                            requestId,
                            caller.name(),
                            model,
                            result.model().version(),
                            compute.rows(),
                            BigDecimal.valueOf(compute.millis()).setScale(3, RoundingMode.HALF_UP),
                            compute.device(),
                            "OK",
                            Instant.now(clock),
                            requestDigest),
                    event);
            if (settled == InferenceLedger.Settlement.CONFLICT) {
                throw idAlreadyUsed(requestId);
            }
        }
        return answer;
    }

    /** The model name and version of the path, where they hold characters no text may hold. */
    private static List<FieldViolation> hostilePathParameters(String model, String version) {
        var violations = new ArrayList<FieldViolation>();
        HostileCharacters.find(model)
                .ifPresent(h ->
                        violations.add(new FieldViolation("model", h.rule().rule(), "the model name " + h.message())));
        HostileCharacters.find(version)
                .ifPresent(h ->
                        violations.add(new FieldViolation("version", h.rule().rule(), "the version " + h.message())));
        return violations;
    }

    /** A reuse of a request id for another request, or by another caller; audited already. */
    private static InferenceRejectedException idAlreadyUsed(String requestId) {
        return new InferenceRejectedException(
                409,
                "Request id already used",
                "The request id '" + requestId + "' was already used for a different request of your"
                        + " department; send this request with a new request id.",
                Map.of("requestId", requestId));
    }

    private InferenceResult run(
            AuditEvent.Builder event,
            Reservation reservation,
            Caller caller,
            ModelVersion target,
            List<org.citymaas.runtime.inference.entity.Tensor> inputs) {
        var timeout = Duration.parse(timeoutSetting);
        int status;
        String title;
        String detail;
        try {
            var future = runtime.submit(InferenceRequest.of(ShareKey.of(caller.tenant()), target.ref(), inputs)
                    .withTimeout(timeout));
            return future.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (QueueFullException e) {
            status = 503;
            title = "Busy";
            detail = "The runtime's queue for your department is full; retry shortly.";
        } catch (TimeoutException e) {
            status = 504;
            title = "Timed out";
            detail = "The model did not answer within " + timeout + ".";
        } catch (ExecutionException e) {
            var deadline = e.getCause() instanceof DeadlineExceededException;
            status = deadline ? 504 : 500;
            title = deadline ? "Timed out" : "Inference failed";
            detail = deadline ? "The request waited past its deadline." : "The model failed; it was logged.";
            LOG.log(Level.WARNING, "inference failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            title = "Interrupted";
            detail = "The portal is shutting down.";
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference failed", e);
            status = 500;
            title = "Inference failed";
            detail = "The model failed; it was logged.";
        }
        event.outcome("FAILED", status);
        if (reservation != null) {
            ledger.fail(reservation, event.build());
        } else {
            audit.record(event.build());
        }
        throw new InferenceRejectedException(status, title, detail, Map.of());
    }

    private InferenceRejectedException invalid(AuditEvent.Builder event, List<FieldViolation> violations) {
        var errors = violations.stream()
                .map(v -> {
                    var m = new LinkedHashMap<String, String>();
                    m.put("field", v.field());
                    m.put("rule", v.rule());
                    m.put("message", v.message());
                    return (Map<String, String>) m;
                })
                .toList();
        var detail = violations.stream()
                .map(v -> v.field() + " (" + v.rule() + "): " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        return reject(event, 400, "Invalid input", detail, Map.of("errors", errors));
    }

    private InferenceRejectedException reject(
            AuditEvent.Builder event, int status, String title, String detail, Map<String, Object> extensions) {
        var outcome = status == 404 ? "DENIED" : "REJECTED";
        audit.record(event.outcome(outcome, status).build());
        return new InferenceRejectedException(status, title, detail, extensions);
    }
}
