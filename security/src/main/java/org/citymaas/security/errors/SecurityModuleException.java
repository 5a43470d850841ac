package org.citymaas.security.errors;

/**
 * The root of what the security module refuses or fails at. Not {@code SecurityException}: that name
 * is {@code java.lang}'s, and a class of ours by it would shadow it in every file that imports ours.
 */
public class SecurityModuleException extends RuntimeException {

    public SecurityModuleException(String message) {
        super(message);
    }

    public SecurityModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
