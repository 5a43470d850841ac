package org.citymaas.security.identity.entity;

import org.citymaas.security.errors.SecurityModuleException;

/** An access token that is malformed, forged, expired, or meant for someone else. */
public class InvalidAccessTokenException extends SecurityModuleException {

    public InvalidAccessTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
