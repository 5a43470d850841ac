package org.citymaas.security.audit.entity;

import java.util.Optional;

/**
 * The verdict on a range of the chain: OK, or the first break.
 *
 * @param eventsVerified events that passed before the first break (all of them when OK)
 * @param lastSeq the last event that passed, {@code fromSeq - 1} when none did
 */
public record Verification(
        long fromSeq, long lastSeq, long eventsVerified, int checkpointsVerified, Optional<ChainBreak> firstBreak) {

    public boolean ok() {
        return firstBreak.isEmpty();
    }

    @Override
    public String toString() {
        return firstBreak
                .map(b -> "BROKEN: " + b + " (" + eventsVerified + " events verified before it)")
                .orElseGet(() -> "OK: " + eventsVerified + " events (seq " + fromSeq + ".." + lastSeq + "), "
                        + checkpointsVerified + " signed checkpoints verified");
    }
}
