package org.citymaas.portal.errors;

import java.util.Map;

/**
 * An access request that cannot be made or decided as asked: the department already has a pending request for the
 * model or already subscribes to it, or the request was decided already: 409, nothing changed.
 */
public class AccessRequestConflictException extends PortalException {

    public AccessRequestConflictException(String model, String state, String detail) {
        super(409, "Access request conflict", detail, Map.of("model", model, "state", state));
    }
}
