package org.citymaas.portal.batch.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.problems.InferenceAnswers;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelNotFoundException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;

/**
 * A line the governed inference refused or that failed there, as the batch keeps it: its outcome
 * (by the exception's kind), and the message and fields at fault the API would answer for the same
 * request, so that the batch page, API and results file say what the API says.
 */
public final class LineRefusals {

    private LineRefusals() {}

    /**
     * @param outcome how the line ended
     * @param message what was wrong, naming the field where one was at fault
     * @param errors for an invalid line, each field at fault ({@code field}, {@code rule}, {@code message})
     */
    public record Refusal(LineOutcome outcome, String message, List<Map<String, String>> errors) {}

    /** The refusal or failure of the inference path; empty for any other exception (the portal's bug). */
    public static Optional<Refusal> of(RuntimeException e) {
        return InferenceAnswers.problem(e)
                .map(problem -> new Refusal(outcome(e), problem.detail(), errors(problem.extensions())));
    }

    static LineOutcome outcome(RuntimeException e) {
        if (e instanceof InvalidInputException || e instanceof HostileTextException) {
            return LineOutcome.INVALID;
        }
        if (e instanceof NotSubscribedException
                || e instanceof UnknownModelException
                || e instanceof ModelNotFoundException) {
            return LineOutcome.NOT_SUBSCRIBED;
        }
        if (e instanceof RequestIdReusedException) {
            return LineOutcome.REQUEST_ID_REUSED;
        }
        if (e instanceof QuotaExceededException) {
            return LineOutcome.REFUSED_QUOTA;
        }
        if (e instanceof BudgetExhaustedException) {
            return LineOutcome.REFUSED_BUDGET;
        }
        if (e instanceof QueueFullException || e instanceof PortalStoppingException) {
            return LineOutcome.BUSY;
        }
        if (e instanceof DeadlineExceededException || e instanceof InferenceTimeoutException) {
            return LineOutcome.TIMED_OUT;
        }
        return LineOutcome.FAILED;
    }

    /** The fields at fault of an invalid line, as the API names them. */
    private static List<Map<String, String>> errors(Map<String, Object> extensions) {
        var errors = new ArrayList<Map<String, String>>();
        if (extensions.get("errors") instanceof List<?> list) {
            for (var item : list) {
                if (item instanceof Map<?, ?> error) {
                    var copy = new LinkedHashMap<String, String>();
                    error.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
                    errors.add(copy);
                }
            }
        }
        return errors;
    }
}
