package org.citymaas.security.masking.entity;

/** Root of the masking engine's failures. */
public class MaskingException extends RuntimeException {

    public MaskingException(String message) {
        super(message);
    }

    public MaskingException(String message, Throwable cause) {
        super(message, cause);
    }
}
