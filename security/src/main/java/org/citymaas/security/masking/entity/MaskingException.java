package org.citymaas.security.masking.entity;

import org.citymaas.security.errors.SecurityModuleException;

/** Root of the masking engine's failures, under the security module's root. */
public class MaskingException extends SecurityModuleException {

    public MaskingException(String message) {
        super(message);
    }

    public MaskingException(String message, Throwable cause) {
        super(message, cause);
    }
}
