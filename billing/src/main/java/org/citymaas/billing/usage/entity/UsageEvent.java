package org.citymaas.billing.usage.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * One metered request, the unit of monthly billing.
 *
 * @param tenant the department charged
 * @param requestId the caller's request id: a retry with the same id is charged once
 * @param caller who made the request
 * @param model the catalog model
 * @param modelVersion the version that answered
 * @param rows the input rows processed
 * @param computeMillis the compute time apportioned to this request
 * @param device where it ran, e.g. {@code cpu()}
 * @param outcome OK or FAILED
 * @param occurredAt when
 * @param requestDigest lowercase hex SHA-256 of the request that was charged, so that a reuse of the
 *     request id for another request can be told from a retry; null for events recorded before it
 *     was kept
 * @param kind an inference or an explanation: billed as different units
 */
public record UsageEvent(
        TenantId tenant,
        String requestId,
        String caller,
        String model,
        String modelVersion,
        int rows,
        BigDecimal computeMillis,
        String device,
        String outcome,
        Instant occurredAt,
        String requestDigest,
        UsageKind kind) {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    public UsageEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        if (requestId.isBlank() || requestId.length() > 100) {
            throw new IllegalArgumentException("a request id is 1-100 characters");
        }
        if (rows < 0 || computeMillis.signum() < 0) {
            throw new IllegalArgumentException("rows and compute time cannot be negative");
        }
        if (requestDigest != null && !DIGEST.matcher(requestDigest).matches()) {
            throw new IllegalArgumentException("a request digest is lowercase hex SHA-256");
        }
    }

    /** An inference's event. */
    public UsageEvent(
            TenantId tenant,
            String requestId,
            String caller,
            String model,
            String modelVersion,
            int rows,
            BigDecimal computeMillis,
            String device,
            String outcome,
            Instant occurredAt,
            String requestDigest) {
        this(
                tenant,
                requestId,
                caller,
                model,
                modelVersion,
                rows,
                computeMillis,
                device,
                outcome,
                occurredAt,
                requestDigest,
                UsageKind.INFER);
    }

    /**
     * Whether a request under this event's id is a retry of the request charged here, which may run
     * again without a second charge: the same caller and the same request. An event recorded
     * without a digest (before it was kept) cannot compare the inputs; it accepts its own caller
     * for the same model and number of rows, so that a retry across the upgrade still works while
     * nobody gets a different model or more rows for free.
     */
    public boolean retriedBy(String caller, String model, int rows, String requestDigest) {
        return retriedBy(caller, model, rows, requestDigest, UsageKind.INFER);
    }

    /**
     * As {@link #retriedBy(String, String, int, String)}, for a request of the given kind: an
     * explanation is never a retry of an inference under the same id, nor the other way round.
     */
    public boolean retriedBy(String caller, String model, int rows, String requestDigest, UsageKind kind) {
        if (!Objects.equals(this.caller, caller) || this.kind != kind) {
            return false;
        }
        return this.requestDigest == null
                ? this.model.equals(model) && this.rows == rows
                : this.requestDigest.equals(requestDigest);
    }
}
