package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.security.audit.boundary.AuditDatabase.event;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.citymaas.security.audit.control.CheckpointFiles;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.CheckpointConflictException;
import org.citymaas.security.audit.entity.Verification;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints published outside the database close the tail gap: an insider who deletes the newest
 * events together with their checkpoint rows is caught against the published copy, by the API and the
 * offline command; and a rotated key leaves every older checkpoint verifiable through the key history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedCheckpointsIT {

    private final AuditDatabase db = new AuditDatabase();

    @TempDir
    Path dir;

    private Path keys;
    private Path published;
    private AuditLog log;
    private AuditCheckpoints checkpoints;

    @BeforeEach
    void signedAndPublishedChainOf30() throws Exception {
        db.reset();
        var run = Files.createTempDirectory(dir, "run-");
        keys = run.resolve("keys");
        published = run.resolve("published-checkpoints");
        log = new AuditLog(db.app());
        checkpoints = new AuditCheckpoints(db.app(), keys, CheckpointSink.directory(published));
        append(1, 15);
        checkpoints.sign();
        append(16, 30);
        checkpoints.sign();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void everyCheckpointIsPublishedAndOneTheSinkMissedIsCaughtUp() throws Exception {
        assertThat(published.resolve(CheckpointFiles.fileName(15))).exists();
        assertThat(published.resolve(CheckpointFiles.fileName(30))).exists();

        // signed and committed by an instance that could not publish (no sink here stands for a failed one)
        var unpublished = new AuditCheckpoints(db.app(), keys);
        append(31, 32);
        unpublished.sign();
        append(33, 34);
        unpublished.sign();
        assertThat(published.resolve(CheckpointFiles.fileName(32))).doesNotExist();

        append(35, 35);
        checkpoints.sign();
        assertThat(published.resolve(CheckpointFiles.fileName(32))).exists();
        assertThat(published.resolve(CheckpointFiles.fileName(34))).exists();
        assertThat(published.resolve(CheckpointFiles.fileName(35))).exists();

        Files.delete(published.resolve(CheckpointFiles.fileName(15)));
        assertThat(checkpoints.publishMissing())
                .as("at start, everything the sink lacks")
                .isEqualTo(1);
        assertThat(checkpoints.publishMissing()).isZero();
        assertThat(new AuditEvidence(db.app(), checkpoints).verifyAll().ok()).isTrue();
    }

    @Test
    void anIntactChainPassesAgainstThePublishedCheckpoint() throws Exception {
        var verdict = new AuditEvidence(db.app(), checkpoints).verifyAll();
        assertThat(verdict.ok()).as("verdict %s", verdict).isTrue();
        assertThat(verdict.lastSeq()).isEqualTo(30);

        var offline = offline("--trusted-keys", keys.toString(), "--published", published.toString());
        assertThat(offline.code).as(offline.output).isEqualTo(VerifyEvidence.OK);
        assertThat(offline.output).contains("matches the checkpoint published at seq 30");
    }

    @Test
    void theNewestEventsDeletedWithTheirCheckpointAreCaughtAgainstThePublishedOne() throws Exception {
        insider("DELETE FROM audit_event WHERE seq > 25", "DELETE FROM audit_checkpoint WHERE seq = 30");

        assertThat(new AuditEvidence(db.app(), checkpoints.publicKey())
                        .verifyAll()
                        .ok())
                .as("the database alone cannot tell")
                .isTrue();
        assertBroken(new AuditEvidence(db.app(), checkpoints).verifyAll(), BreakKind.TRUNCATED, 26);
        assertThat(offline("--trusted-keys", keys.toString()).code)
                .as("offline without the published checkpoints")
                .isEqualTo(VerifyEvidence.OK);
        var offline = offline("--trusted-keys", keys.toString(), "--published", published.toString());
        assertThat(offline.code).as(offline.output).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(offline.output).contains("TRUNCATED at seq 26", "up to seq 30");
    }

    @Test
    void theNewestEventsReplacedAreATailMismatch() throws Exception {
        insider("DELETE FROM audit_event WHERE seq > 25", "DELETE FROM audit_checkpoint WHERE seq = 30");
        append(26, 30);

        assertBroken(new AuditEvidence(db.app(), checkpoints).verifyAll(), BreakKind.TAIL_MISMATCH, 30);
        var offline = offline("--trusted-keys", keys.toString(), "--published", published.toString());
        assertThat(offline.output).contains("TAIL_MISMATCH at seq 30");
    }

    @Test
    void aForgedPublishedCheckpointIsReportedAndNeverOverwritten() throws Exception {
        var file = published.resolve(CheckpointFiles.fileName(30));
        var original = Files.readString(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("r--r--r--");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(file, original.replaceFirst("\"headHash\":\"[0-9a-f]", "\"headHash\":\"x"));

        var verdict = new AuditEvidence(db.app(), checkpoints).verifyAll();
        assertBroken(verdict, BreakKind.FORGED_CHECKPOINT, 30);
        assertThat(verdict.firstBreak().orElseThrow().reason()).startsWith("published outside the database");
        var offline = offline("--trusted-keys", keys.toString(), "--published", published.toString());
        assertThat(offline.code).as(offline.output).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(offline.output).contains("FORGED_CHECKPOINT at seq 30", "published outside the database");

        assertThatThrownBy(() -> checkpoints.publishMissing())
                .isInstanceOf(CheckpointConflictException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isNotEqualTo(original);
    }

    @Test
    void checkpointsUnderBothKeysVerifyWithTheKeyHistoryAfterARotation() throws Exception {
        var otherInstance = new AuditCheckpoints(db.app(), keys, CheckpointSink.directory(published));
        var oldKeyId = checkpoints.key().keyId();
        var rotation = checkpoints.rotateKey();
        assertThat(rotation.previousKeyId()).isEqualTo(oldKeyId);
        append(31, 40);
        var signed = otherInstance.sign().orElseThrow();
        assertThat(signed.keyId())
                .as("the other instance signs with the new key")
                .isEqualTo(rotation.keyId());
        assertThat(checkpoints.keyHistory()).hasSize(2);

        var verdict = new AuditEvidence(db.app(), checkpoints).verifyAll();
        assertThat(verdict.ok()).as("verdict %s", verdict).isTrue();
        assertThat(verdict.checkpointsVerified()).isEqualTo(3);
        var newKeyOnly = new AuditEvidence(db.app(), checkpoints.publicKey()).verifyAll();
        assertBroken(newKeyOnly, BreakKind.FORGED_CHECKPOINT, 15);
        assertThat(newKeyOnly.firstBreak().orElseThrow().reason()).contains(oldKeyId);

        var history = offline("--trusted-keys", keys.toString(), "--published", published.toString());
        assertThat(history.code).as(history.output).isEqualTo(VerifyEvidence.OK);
        assertThat(history.output).contains("matches the checkpoint published at seq 40");
        var inBundle = offline();
        assertThat(inBundle.code)
                .as("the bundle carries the key history: %s", inBundle.output)
                .isEqualTo(VerifyEvidence.OK);
        var current = offline(
                "--trusted-key", keys.resolve(SigningKey.PUBLIC_KEY_FILE).toString());
        assertThat(current.code).as(current.output).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(current.output).contains("FORGED_CHECKPOINT at seq 15", oldKeyId);
    }

    private void append(int from, int to) {
        IntStream.rangeClosed(from, to).forEach(i -> log.record(event("r" + i)));
    }

    private static void assertBroken(Verification verdict, BreakKind kind, long seq) {
        assertThat(verdict.firstBreak()).as("verdict: %s", verdict).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(kind);
            assertThat(b.seq()).isEqualTo(seq);
        });
    }

    private void insider(String... statements) throws SQLException {
        try (var insider = db.insider();
                var s = insider.createStatement()) {
            for (var sql : statements) {
                assertThat(s.executeUpdate(sql)).as(sql).isPositive();
            }
        }
    }

    private record Run(int code, String output) {}

    /** Exports the whole chain and runs the offline command on it with the options given. */
    private Run offline(String... options) throws Exception {
        var bundle = Files.createTempFile(dir, "evidence-", ".zip");
        try (var out = Files.newOutputStream(bundle)) {
            new AuditEvidence(db.app(), checkpoints).export(1, Long.MAX_VALUE, out);
        }
        var args = new ArrayList<>(List.of(options));
        args.add(bundle.toString());
        var out = new ByteArrayOutputStream();
        int code = VerifyEvidence.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }
}
