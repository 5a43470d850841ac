package org.citymaas.security.signing.entity;

import org.citymaas.security.errors.SecurityModuleException;

/** A detached signature file is not in the documented form; the message says which line and why. */
public class MalformedSignatureException extends SecurityModuleException {

    public MalformedSignatureException(String message) {
        super(message);
    }
}
