package org.citymaas.security.audit.entity;

import java.util.Objects;

/**
 * An event in the chain: its position, the hash of the event before it (64 zeros for the first) and
 * its own hash, SHA-256 over the canonical form of position, content and previous hash.
 */
public record ChainedEvent(long seq, AuditEvent event, String prevHash, String hash) {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    public ChainedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
