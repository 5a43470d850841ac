package org.citymaas.portal.errors;

import java.util.Map;

/** A lifecycle step the version's state does not allow (approve a published one, retire the default...): 409. */
public class ModelVersionStateException extends PortalException {

    public ModelVersionStateException(String model, String version, String state, String detail) {
        super(409, "Model version state", detail, Map.of("model", model, "version", version, "state", state));
    }
}
