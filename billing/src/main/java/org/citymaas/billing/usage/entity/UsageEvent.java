package org.citymaas.billing.usage.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

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
 */
public record UsageEvent(
        String tenant,
        String requestId,
        String caller,
        String model,
        String modelVersion,
        int rows,
        BigDecimal computeMillis,
        String device,
        String outcome,
        Instant occurredAt) {

    public UsageEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(requestId, "requestId");
        if (requestId.isBlank() || requestId.length() > 100) {
            throw new IllegalArgumentException("a request id is 1-100 characters");
        }
        if (rows < 0 || computeMillis.signum() < 0) {
            throw new IllegalArgumentException("rows and compute time cannot be negative");
        }
    }
}
