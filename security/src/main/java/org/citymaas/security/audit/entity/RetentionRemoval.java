package org.citymaas.security.audit.entity;

import java.time.Instant;

/**
 * One removal of a prefix of the chain by retention: the events {@code fromSeq..toSeq} were exported to
 * an evidence bundle, verified, and deleted; the checkpoint signed at {@code toSeq} (head hash {@code
 * anchorHash}) anchors the chain's new start; the event at {@code eventSeq} records the removal.
 *
 * @param bundleFile the archive bundle's file name, in the archive directory
 * @param bundleSha256 lowercase hex SHA-256 of the bundle file
 */
public record RetentionRemoval(
        long fromSeq,
        long toSeq,
        long events,
        String anchorHash,
        String bundleFile,
        String bundleSha256,
        long eventSeq,
        Instant removedAt) {

    /** The checkpoint that anchors the chain's new start: the one signed at {@code toSeq}. */
    public long anchorCheckpointSeq() {
        return toSeq;
    }
}
