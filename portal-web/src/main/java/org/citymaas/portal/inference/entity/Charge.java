package org.citymaas.portal.inference.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * An admitted request, masked and holding its quota: ready to run.
 *
 * @param admission the request
 * @param kind an inference or an explanation: metered as different units
 * @param toRun the validated request with its text masked: what the model (or the explainer) gets
 * @param maskedSummary the structure of the request for the audit event (no text)
 * @param requestDigest the digest of the masked request, which tells a retry from a reuse of its id
 * @param reservation its hold on the quota; null for a retry of a request id already charged (run
 *     again, neither reserved nor charged again)
 */
public record Charge(
        Admission admission,
        UsageKind kind,
        ValidatedRequest toRun,
        String maskedSummary,
        String requestDigest,
        Reservation reservation) {

    /** Its usage event, once answered: the rows and compute of the run, metered as its kind. */
    public UsageEvent usage(ModelRef answered, Compute compute, Instant at) {
        var caller = admission.caller();
        return new UsageEvent(
                caller.tenant(),
                admission.requestId(),
                caller.name(),
                admission.model().name(),
                answered.version(),
                compute.rows(),
                BigDecimal.valueOf(compute.millis()).setScale(3, RoundingMode.HALF_UP),
                compute.device(),
                "OK",
                at,
                requestDigest,
                kind);
    }

    /** Whether it retries a request id already charged. */
    public boolean retry() {
        return reservation == null;
    }
}
