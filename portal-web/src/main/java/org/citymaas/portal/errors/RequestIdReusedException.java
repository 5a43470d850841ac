package org.citymaas.portal.errors;

import java.util.Map;

/**
 * A request id the department was already charged for, reused for another request or by another
 * caller (409): not run, not charged, as idempotency keys are (IETF
 * draft-ietf-httpapi-idempotency-key-header).
 */
public class RequestIdReusedException extends PortalException {

    public RequestIdReusedException(String requestId) {
        super(
                409,
                "Request id already used",
                "The request id '" + requestId + "' was already used for a different request of your"
                        + " department; send this request with a new request id.",
                Map.of("requestId", requestId));
    }
}
