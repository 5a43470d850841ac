package org.citymaas.security.audit.entity;

/**
 * A checkpoint sink already holds a different checkpoint at the same seq: the published record was
 * altered or someone else wrote there. An alarm: nothing is overwritten, and the caller must report it.
 */
public class CheckpointConflictException extends AuditException {

    public CheckpointConflictException(String message) {
        super(message);
    }
}
