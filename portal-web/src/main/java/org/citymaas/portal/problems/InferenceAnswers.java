package org.citymaas.portal.problems;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.ModelNotExplainableException;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.EngineUnavailableException;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelNotFoundException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;

/**
 * How each outcome of a governed inference request is answered over HTTP: {@link #ANSWERED} for an
 * answer, and the problem of each refusal or failure, whichever module's exception says it. One
 * place, so that the exception mappers answer what the audit trail records (the inference use case
 * asks here for the status of what it audits) and the pages and batch lines show the same words.
 */
public final class InferenceAnswers {

    /** The status of an answered request. */
    public static final int ANSWERED = 200;

    private InferenceAnswers() {}

    /** The problem a refusal or failure of the inference path is answered with; empty for any other exception. */
    public static Optional<Problem> problem(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return Optional.of(invalid(invalid.violations()));
        }
        if (e instanceof HostileTextException hostile) {
            return Optional.of(invalid(hostile.texts().stream()
                    .map(t -> new FieldViolation(t.field(), t.found().rule().rule(), t.message()))
                    .toList()));
        }
        if (e instanceof NotSubscribedException refused) {
            return Optional.of(Problem.of(
                    404,
                    "No such model",
                    "your department has no model '" + refused.model() + "'"
                            + refused.version().map(v -> " version " + v).orElse("")));
        }
        if (e instanceof QuotaExceededException quota) {
            return Optional.of(quotaExhausted(quota, Instant.now()));
        }
        if (e instanceof UnknownModelException
                || e instanceof ModelVersionRetiredException
                || e instanceof ModelNotExplainableException
                || e instanceof BudgetExhaustedException
                || e instanceof RequestIdReusedException
                || e instanceof InferenceTimeoutException
                || e instanceof PortalStoppingException) {
            return Optional.of(Problem.of((PortalException) e));
        }
        if (e instanceof ModelRuntimeException failure) {
            return Optional.of(runtime(failure));
        }
        return Optional.empty();
    }

    /** The status of a refusal or failure; 500 for what the inference path does not know. */
    public static int status(RuntimeException e) {
        return problem(e).map(Problem::status).orElse(500);
    }

    /** 400 naming each field at fault: {@code errors: [{field, rule, message}]}. */
    private static Problem invalid(List<FieldViolation> violations) {
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
        return Problem.of(400, "Invalid input", detail).with("errors", errors);
    }

    /** 429 saying when the quota resets, and {@code retryAfterSeconds} for the {@code Retry-After} header. */
    static Problem quotaExhausted(QuotaExceededException e, Instant now) {
        var resetsAt = e.resetsAt();
        return Problem.of(
                        429,
                        "Quota exhausted",
                        "Your department's monthly quota for '" + e.model() + "' is used up; it resets at " + resetsAt
                                + " (start of next month, Asia/Shanghai).")
                .with("resetsAt", resetsAt.toString())
                .with(
                        "retryAfterSeconds",
                        Math.max(1L, Duration.between(now, resetsAt).toSeconds()));
    }

    private static Problem runtime(ModelRuntimeException e) {
        if (e instanceof EngineUnavailableException engine) {
            return engine.timedOut()
                    ? Problem.of(
                                    504,
                                    "Engine timed out",
                                    "The external engine serving this model version (" + engine.engine()
                                            + ") did not answer in time; nothing was charged.")
                            .with("engine", engine.engine())
                    : Problem.of(
                                    503,
                                    "Engine unavailable",
                                    "The external engine serving this model version (" + engine.engine()
                                            + ") is unavailable; nothing was charged. Retry later.")
                            .with("engine", engine.engine());
        }
        if (e instanceof QueueFullException) {
            return Problem.of(503, "Busy", "The runtime's queue for your department is full; retry shortly.");
        }
        if (e instanceof DeadlineExceededException) {
            return Problem.of(504, "Timed out", "The request waited past its deadline.");
        }
        if (e instanceof ModelNotFoundException) {
            return Problem.of(404, "No such model", e.getMessage());
        }
        return Problem.of(500, "Inference failed", "The model failed; it was logged.");
    }
}
