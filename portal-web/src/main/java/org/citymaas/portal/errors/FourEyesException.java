package org.citymaas.portal.errors;

import java.util.Map;

/** The uploader of a model version tried to approve it: 403, a second platform admin must. */
public class FourEyesException extends PortalException {

    public FourEyesException(String model, String version) {
        super(
                403,
                "Second platform admin required",
                "you uploaded model '" + model + "' version " + version
                        + "; another platform admin must approve it (four eyes)",
                Map.of("model", model, "version", version));
    }
}
