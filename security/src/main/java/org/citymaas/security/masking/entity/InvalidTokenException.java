package org.citymaas.security.masking.entity;

/** An encrypted token that is malformed, was tampered with, or belongs to another department. */
public class InvalidTokenException extends MaskingException {

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
