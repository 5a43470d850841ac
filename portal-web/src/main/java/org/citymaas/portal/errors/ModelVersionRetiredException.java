package org.citymaas.portal.errors;

import java.util.Map;

/** A call to a retired model version: 410, naming the version that replaced it. */
public class ModelVersionRetiredException extends PortalException {

    public ModelVersionRetiredException(String model, String version, String replacement) {
        super(
                410,
                "Model version retired",
                "model '" + model + "' version " + version + " is retired; use version " + replacement
                        + " (ask your tenant admin to change the department's subscription if it is pinned)",
                Map.of("model", model, "version", version, "replacement", replacement));
    }
}
