package org.citymaas.security.audit.entity;

/** A stored event that is not even a valid event any more (a field edited outside the application). */
public class MalformedEventException extends AuditException {

    private final long seq;

    public MalformedEventException(long seq, String message, Throwable cause) {
        super("event " + seq + " is malformed: " + message, cause);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
