package org.citymaas.portal.inference.entity;

import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
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

    /** Whether it retries a request id already charged. */
    public boolean retry() {
        return reservation == null;
    }
}
