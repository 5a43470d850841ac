package org.citymaas.security.audit.boundary;

import java.nio.file.Path;
import java.util.Optional;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.CheckpointConflictException;

/**
 * Where signed checkpoints are published outside the database, so that cutting the newest events
 * together with their checkpoint rows is caught: a verifier compares the chain with the latest
 * checkpoint published here. The default is a write-once directory ({@link #directory(Path)}); in
 * production, implement this on object storage with a retention lock (S3 Object Lock in compliance
 * mode, or a WORM bucket of the cloud in use), one object per checkpoint named by its zero-padded seq,
 * written only if absent. An implementation must never overwrite: publishing the same checkpoint
 * again is a no-op, a different one at a published seq throws {@link CheckpointConflictException}.
 */
public interface CheckpointSink {

    /**
     * Publishes a checkpoint, durably before returning; returns whether it was not published before.
     *
     * @throws CheckpointConflictException if another checkpoint is published at its seq
     * @throws org.citymaas.security.audit.entity.AuditException if it could not be written
     */
    boolean publish(Checkpoint checkpoint);

    /** The published checkpoint with the highest seq not above {@code seq}, if any. */
    Optional<Checkpoint> latestUpTo(long seq);

    /** The published checkpoint with the highest seq, if any. */
    default Optional<Checkpoint> latest() {
        return latestUpTo(Long.MAX_VALUE);
    }

    /**
     * The default sink: one file per checkpoint in {@code directory} (created if missing), outside the
     * database and apart from the key directory, such as {@code <key-directory>/../published-checkpoints}.
     */
    static CheckpointSink directory(Path directory) {
        return new CheckpointDirectory(directory);
    }
}
