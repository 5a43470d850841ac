package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.security.audit.control.TestChains.chain;
import static org.citymaas.security.audit.control.TestChains.checkpoint;
import static org.citymaas.security.audit.control.TestChains.newKey;

import java.nio.file.Files;
import java.nio.file.Path;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.CheckpointConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {

    private final SigningKey key = newKey();

    @Test
    void writesOneFileNamedByZeroPaddedSeqAndReadsTheLatestBack(@TempDir Path dir) throws Exception {
        var events = chain(12);
        var published = dir.resolve("published");
        var at9 = checkpoint(key, events.get(8));
        var at12 = checkpoint(key, events.get(11));
        assertThat(CheckpointFiles.publish(published, at9)).isTrue();
        assertThat(CheckpointFiles.publish(published, at12)).isTrue();

        try (var files = Files.list(published)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "checkpoint-00000000000000000009.json", "checkpoint-00000000000000000012.json");
        }
        assertThat(CheckpointFiles.latestUpTo(published, Long.MAX_VALUE)).contains(at12);
        assertThat(CheckpointFiles.latestUpTo(published, 11)).contains(at9);
        assertThat(CheckpointFiles.latestUpTo(published, 8)).isEmpty();
        assertThat(CheckpointFiles.latestUpTo(dir.resolve("none"), 8)).isEmpty();
    }

    @Test
    void publishingTheSameCheckpointAgainWritesNothing(@TempDir Path dir) throws Exception {
        var c = checkpoint(key, chain(3).get(2));
        assertThat(CheckpointFiles.publish(dir, c)).isTrue();
        assertThat(CheckpointFiles.publish(dir, c)).isFalse();
        assertThat(CheckpointFiles.latestUpTo(dir, 3)).contains(c);
    }

    @Test
    void refusesToOverwriteAnotherCheckpointAtTheSameSeq(@TempDir Path dir) throws Exception {
        var c = checkpoint(key, chain(3).get(2));
        CheckpointFiles.publish(dir, c);
        var file = dir.resolve(CheckpointFiles.fileName(3));
        var before = Files.readString(file);
        var other = new Checkpoint(3, "b".repeat(64), c.signedAt(), c.keyId(), c.signature());

        assertThatThrownBy(() -> CheckpointFiles.publish(dir, other))
                .isInstanceOf(CheckpointConflictException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aFileThatHoldsAnotherSeqThanItsNameIsRefused(@TempDir Path dir) throws Exception {
        var c = checkpoint(key, chain(3).get(2));
        CheckpointFiles.publish(dir, c);
        Files.move(dir.resolve(CheckpointFiles.fileName(3)), dir.resolve(CheckpointFiles.fileName(7)));
        assertThat(CheckpointFiles.latestUpTo(dir, 6)).isEmpty();
        assertThatThrownBy(() -> CheckpointFiles.latestUpTo(dir, 10))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("holds the checkpoint at seq 3");
    }
}
