package org.citymaas.security.audit.entity;

import org.citymaas.security.errors.SecurityModuleException;

/** The audit log could not record, sign, read or export: the caller must not answer as if it had. */
public class AuditException extends SecurityModuleException {

    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
