package org.citymaas.portal.errors;

import java.time.Duration;

/** The model did not answer within the portal's inference timeout (504); its reservation was released. */
public class InferenceTimeoutException extends PortalException {

    public InferenceTimeoutException(Duration timeout) {
        super(504, "Timed out", "The model did not answer within " + timeout + ".", null);
    }
}
