package org.citymaas.security.audit.entity;

/**
 * A range of events that retention removed from the database: they are in an archived evidence bundle
 * (see {@code AuditRetention}), to be verified offline, not online.
 */
public class ArchivedEventsException extends AuditException {

    public ArchivedEventsException(String message) {
        super(message);
    }
}
