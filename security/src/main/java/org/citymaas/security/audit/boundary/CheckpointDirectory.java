package org.citymaas.security.audit.boundary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.citymaas.security.audit.control.CheckpointFiles;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.Checkpoint;

/**
 * The default {@link CheckpointSink}: a directory with one write-once file per checkpoint (the format
 * is {@link CheckpointFiles}'s). Every portal instance must see the same directory; auditors copy it
 * and point the offline verifier at the copy ({@code --published DIR}).
 */
final class CheckpointDirectory implements CheckpointSink {

    private final Path directory;

    CheckpointDirectory(Path directory) {
        this.directory = directory;
    }

    @Override
    public boolean publish(Checkpoint checkpoint) {
        try {
            return CheckpointFiles.publish(directory, checkpoint);
        } catch (IOException e) {
            throw new AuditException(
                    "could not publish the checkpoint at seq " + checkpoint.seq() + " to " + directory + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public Optional<Checkpoint> latestUpTo(long seq) {
        try {
            return CheckpointFiles.latestUpTo(directory, seq);
        } catch (IOException e) {
            throw new AuditException(
                    "could not read the published checkpoints in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "checkpoint directory " + directory;
    }
}
