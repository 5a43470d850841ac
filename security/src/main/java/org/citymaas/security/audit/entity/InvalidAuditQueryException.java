package org.citymaas.security.audit.entity;

import org.citymaas.security.errors.SecurityModuleException;

/**
 * An audit search that cannot be run as asked: a filter value out of range or malformed, an empty time
 * range, a page size out of bounds. The caller's mistake (a 400 at the edge), not a failure of the log.
 */
public class InvalidAuditQueryException extends SecurityModuleException {

    public InvalidAuditQueryException(String message) {
        super(message);
    }

    public InvalidAuditQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
