package org.citymaas.portal.errors;

import java.util.Map;

/**
 * An explanation asked of a model version whose card has no explanation method: 422, nothing charged.
 * The request is well formed and the department may run the version; only its answers cannot be
 * attributed.
 */
public class ModelNotExplainableException extends PortalException {

    public ModelNotExplainableException(String model, String version, String why) {
        super(
                422,
                "Model cannot be explained",
                "model '" + model + "' version " + version + " has no explanation method on its model card (" + why
                        + "); use /infer for its answers. Nothing was charged.",
                Map.of("model", model, "version", version));
    }
}
