package org.citymaas.security.audit.entity;

/** The first place a verification found the chain broken: the kind of break and the event it names. */
public record ChainBreak(BreakKind kind, long seq, String reason) {

    @Override
    public String toString() {
        return kind + " at seq " + seq + ": " + reason;
    }
}
