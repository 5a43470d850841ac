package org.citymaas.security.audit.entity;

/** A retention policy that is malformed or keeps some category online for less than the law's minimum. */
public class InvalidRetentionPolicyException extends AuditException {

    public InvalidRetentionPolicyException(String message) {
        super(message);
    }
}
