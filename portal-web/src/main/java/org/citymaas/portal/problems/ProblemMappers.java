package org.citymaas.portal.problems;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.billing.errors.BillingException;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.billing.errors.MonthNotEndedException;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.errors.StatementNotFoundException;
import org.citymaas.billing.errors.StatementReviewException;
import org.citymaas.billing.errors.StatementStateException;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.security.provisioning.entity.DirectoryRefusal;
import org.citymaas.security.provisioning.entity.ProvisioningException;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.citymaas.tenant.errors.DepartmentStateException;
import org.citymaas.tenant.errors.DuplicateDepartmentException;
import org.citymaas.tenant.errors.TenantException;
import org.citymaas.tenant.errors.TenantStorageException;

/** Turns every failure that reaches JAX-RS into a problem+json answer. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    /** The HTTP errors JAX-RS itself raises (404, 405, 403 from role checks, 415...). */
    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = e.getResponse().getStatusInfo();
            var detail = switch (status.getStatusCode()) {
                case 403 -> "Your roles do not allow this.";
                case 404 -> "There is nothing at this address.";
                default -> e.getMessage();
            };
            return Problems.response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
        }
    }

    /** A body that is not the JSON the endpoint takes. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            var cause = e.getCause() instanceof JsonbException json ? json.getMessage() : e.getMessage();
            return Problems.response(Problem.of(
                    400,
                    "Malformed request body",
                    "The request body is not valid" + " JSON for this endpoint: " + cause));
        }
    }

    /** Bean Validation of a request record. */
    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Map<String, String>> errors = e.getConstraintViolations().stream()
                    .map(v -> Map.of(
                            "field", field(v.getPropertyPath().toString()), "rule", rule(v), "message", v.getMessage()))
                    .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                    .toList();
            var detail = errors.stream()
                    .map(m -> m.get("field") + ": " + m.get("message"))
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid input");
            return Problems.response(Problem.of(400, "Invalid input", detail).with("errors", errors));
        }

        /**
         * The rule broken: the portal's own message key without its prefix ({@code {citymaas.characters.bidi-control}}
         * is {@code bidi-control}, {@code {citymaas.email}} is {@code email}), else the constraint's name
         * ({@code NotNull}, {@code Pattern}).
         */
        static String rule(ConstraintViolation<?> violation) {
            var template = violation.getMessageTemplate();
            if (template != null && template.startsWith("{citymaas.") && template.endsWith("}")) {
                var key = template.substring(1, template.length() - 1);
                return key.startsWith("citymaas.characters.")
                        ? key.substring("citymaas.characters.".length())
                        : key.substring("citymaas.".length());
            }
            return violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
        }

        /** "create.arg0.slug" names the parameter and the field; people need only the field. */
        private static String field(String path) {
            var parts = path.split("\\.");
            return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
        }
    }

    @Provider
    public static class TenantErrors implements ExceptionMapper<TenantException> {
        @Override
        public Response toResponse(TenantException e) {
            if (e instanceof DuplicateDepartmentException) {
                return Problems.response(Problem.of(409, "Department exists", e.getMessage()));
            }
            if (e instanceof DepartmentStateException) {
                return Problems.response(Problem.of(409, "Department state", e.getMessage()));
            }
            if (e instanceof DepartmentNotFoundException) {
                return Problems.response(Problem.of(404, "No such department", e.getMessage()));
            }
            if (e instanceof TenantStorageException) {
                LOG.log(Level.SEVERE, e.getMessage(), e);
                return Problems.response(Problem.of(500, "Internal error", e.getMessage()));
            }
            // a quota used up (429, Retry-After), a model the department does not subscribe to (404)
            return Problems.response(
                    InferenceAnswers.problem(e).orElseGet(() -> Problem.of(400, "Refused", e.getMessage())));
        }
    }

    /** What the model runtime refuses or fails at: invalid input, a full queue, a deadline, a failed model. */
    @Provider
    public static class RuntimeErrors implements ExceptionMapper<ModelRuntimeException> {
        @Override
        public Response toResponse(ModelRuntimeException e) {
            var problem = InferenceAnswers.problem(e).orElseThrow();
            if (problem.status() >= 500) {
                LOG.log(Level.SEVERE, e.getMessage(), e);
            }
            return Problems.response(problem);
        }
    }

    /** Texts holding characters no text may hold (the model name of a path...): 400 naming each field and rule. */
    @Provider
    public static class HostileTexts implements ExceptionMapper<HostileTextException> {
        @Override
        public Response toResponse(HostileTextException e) {
            return Problems.response(InferenceAnswers.problem(e).orElseThrow());
        }
    }

    /**
     * Billing's refusals: an unknown statement 404; a statement in the wrong state, a month not ended,
     * a price card for a billed month or a review of no draft 409; a budget no budget may be 400.
     * Anything else failed on our side: 500, logged.
     */
    @Provider
    public static class BillingErrors implements ExceptionMapper<BillingException> {
        @Override
        public Response toResponse(BillingException e) {
            if (e instanceof StatementNotFoundException) {
                return Problems.response(Problem.of(404, "No such statement", e.getMessage()));
            }
            if (e instanceof StatementStateException
                    || e instanceof MonthNotEndedException
                    || e instanceof PriceCardConflictException
                    || e instanceof StatementReviewException) {
                return Problems.response(Problem.of(409, "Conflict", e.getMessage()));
            }
            if (e instanceof InvalidBudgetException) {
                return Problems.response(Problem.of(400, "Invalid input", e.getMessage()));
            }
            LOG.log(Level.SEVERE, e.getMessage(), e);
            return Problems.response(Problem.of(500, "Internal error", e.getMessage()));
        }
    }

    @Provider
    public static class KeycloakErrors implements ExceptionMapper<ProvisioningException> {
        @Override
        public Response toResponse(ProvisioningException e) {
            var status = e.isConflict() ? 409 : 502;
            var undone = e.undone().stream().map(Enum::name).toList();
            var detail = e.getMessage() + ". Nothing was kept: "
                    + (undone.isEmpty() ? "no earlier step had to be undone" : "undone " + undone)
                    + (e.leftBehind().isEmpty() ? "" : "; could NOT undo " + e.leftBehind() + ", see the log");
            return Problems.response(Problem.of(status, "Keycloak provisioning failed", detail)
                    .with("failedStep", e.failedStep().name())
                    .with("compensated", undone)
                    .with("leftBehind", e.leftBehind().stream().map(Enum::name).toList()));
        }
    }

    /** Keycloak's side of a department refuses a change: an unknown member or client, or a name taken. */
    @Provider
    public static class DirectoryRefusals implements ExceptionMapper<DirectoryRefusal> {
        @Override
        public Response toResponse(DirectoryRefusal e) {
            return e.kind() == DirectoryRefusal.Kind.NOT_FOUND
                    ? Problems.response(Problem.of(404, "Not found", e.getMessage()))
                    : Problems.response(Problem.of(409, "Conflict", e.getMessage()));
        }
    }

    /** The portal's own refusals and failures.*/
    @Provider
    public static class PortalErrors implements ExceptionMapper<PortalException> {
        @Override
        public Response toResponse(PortalException e) {
            if (e.status() >= 500) {
                LOG.log(Level.SEVERE, e.getMessage(), e);
            }
            return Problems.response(Problem.of(e));
        }
    }

    /** Anything else is our fault: log it whole, tell the caller little. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure", e);
            return Problems.response(
                    Problem.of(500, "Internal error", "Something went wrong on our side; it was" + " logged."));
        }
    }
}
