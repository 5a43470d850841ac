package org.citymaas.security.audit.entity;

/**
 * A page cursor this search did not hand out: garbled, edited, or handed out for a search with other
 * filters.
 */
public class InvalidCursorException extends InvalidAuditQueryException {

    public InvalidCursorException(String message) {
        super(message);
    }

    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}
