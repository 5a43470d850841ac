package org.citymaas.security.identity.control;

import org.citymaas.security.errors.SecurityModuleException;

/** An access token that is malformed, forged, expired, or meant for someone else. */
public class InvalidTokenException extends SecurityModuleException {

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
