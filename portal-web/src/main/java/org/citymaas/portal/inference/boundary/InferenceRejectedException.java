package org.citymaas.portal.inference.boundary;

import java.util.Map;
import org.citymaas.portal.errors.PortalException;

/** An inference request refused (400, 404, 409, 429) or failed (500, 503, 504), after it was audited. */
public class InferenceRejectedException extends PortalException {

    public InferenceRejectedException(int status, String title, String detail, Map<String, Object> extensions) {
        super(status, title, detail, extensions);
    }
}
