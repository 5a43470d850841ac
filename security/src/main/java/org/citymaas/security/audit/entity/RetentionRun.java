package org.citymaas.security.audit.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * What one retention run did: the events that had expired at the start of the chain ({@code
 * onlineFromSeq..expiredThroughSeq}, none when {@code expiredThroughSeq < onlineFromSeq}), and the
 * removal, if any (up to the latest signed checkpoint among them), or why there was none.
 *
 * @param note what was done, or why nothing was removed
 */
public record RetentionRun(
        Instant ranAt, long onlineFromSeq, long expiredThroughSeq, Optional<RetentionRemoval> removal, String note) {

    /** How many events this run removed. */
    public long eventsRemoved() {
        return removal.map(RetentionRemoval::events).orElse(0L);
    }
}
