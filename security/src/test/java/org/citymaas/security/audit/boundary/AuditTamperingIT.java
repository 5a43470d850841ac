package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.citymaas.security.audit.boundary.AuditDatabase.event;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An insider with superuser access to the database (append-only triggers switched off) tampers with
 * a 30-event chain signed at seq 15 and 30; the API and the offline command must name each break.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperingIT {

    private final AuditDatabase db = new AuditDatabase();

    @TempDir
    Path dir;

    private AuditCheckpoints checkpoints;
    private AuditEvidence evidence;

    @BeforeEach
    void signedChainOf30() throws SQLException {
        db.reset();
        var log = new AuditLog(db.app());
        checkpoints = new AuditCheckpoints(db.app(), dir.resolve("keys"));
        evidence = new AuditEvidence(db.app(), checkpoints.key().publicKey());
        log.recordAll(IntStream.rangeClosed(1, 15).mapToObj(i -> event("r" + i)).toList());
        checkpoints.sign();
        IntStream.rangeClosed(16, 30).forEach(i -> log.record(event("r" + i)));
        checkpoints.sign();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void anUntouchedChainVerifiesThroughTheApiAndOffline() throws Exception {
        var verdict = evidence.verifyAll();
        assertThat(verdict.ok()).as("%s", verdict).isTrue();
        assertThat(verdict.eventsVerified()).isEqualTo(30);
        assertThat(verdict.checkpointsVerified()).isEqualTo(2);
        var offline = offline();
        assertThat(offline.exitCode).isEqualTo(VerifyEvidence.OK);
        assertThat(offline.output).startsWith("OK: 30 events");
    }

    @Test
    void anEditedField() throws Exception {
        tamper("UPDATE audit_event SET tenant = 'health' WHERE seq = 12");
        assertNamed(BreakKind.FIELD_EDITED, 12);
    }

    @Test
    void anEditedFieldWithItsHashRecomputed() throws Exception {
        try (var insider = db.insider()) {
            var stored = eventAt(insider, 12);
            var e = stored.event();
            var edited = new AuditEvent(
                    e.occurredAt(),
                    e.actor(),
                    e.actorType(),
                    e.tenant(),
                    e.action(),
                    e.resource(),
                    "DENIED",
                    403,
                    e.clientAddress(),
                    e.requestId(),
                    e.requestDigest(),
                    e.responseDigest(),
                    e.summary());
            var hash = CanonicalForm.hash(12, edited, stored.prevHash());
            try (var s = insider.prepareStatement(
                    "UPDATE audit_event SET outcome = 'DENIED', http_status = 403, hash = ? WHERE seq = 12")) {
                s.setString(1, hash);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
        assertNamed(BreakKind.FIELD_EDITED, 12);
    }

    @Test
    void aDeletedEvent() throws Exception {
        tamper("DELETE FROM audit_event WHERE seq = 12");
        assertNamed(BreakKind.MISSING_EVENT, 12);
    }

    @Test
    void twoEventsSwapped() throws Exception {
        tamper(
                "UPDATE audit_event SET seq = 1000000 WHERE seq = 12",
                "UPDATE audit_event SET seq = 12 WHERE seq = 13",
                "UPDATE audit_event SET seq = 13 WHERE seq = 1000000");
        assertNamed(BreakKind.REORDERED, 12);
    }

    @Test
    void aForgedEventInsertedInTheMiddle() throws Exception {
        try (var insider = db.insider();
                var s = insider.createStatement()) {
            s.execute("ALTER TABLE audit_event DROP CONSTRAINT audit_event_prev_hash_key");
            try {
                s.executeUpdate("UPDATE audit_event SET seq = seq + 1000000 WHERE seq >= 12");
                s.executeUpdate("UPDATE audit_event SET seq = seq - 1000000 + 1 WHERE seq > 1000000");
                var prev = eventAt(insider, 11).hash();
                var forged = AuditDatabase.event("never-happened");
                insertRow(insider, 12, forged, prev, CanonicalForm.hash(12, forged, prev));
                assertNamed(BreakKind.INSERTED, 12);
            } finally {
                db.reset();
                s.execute("ALTER TABLE audit_event ADD CONSTRAINT audit_event_prev_hash_key UNIQUE (prev_hash)");
            }
        }
    }

    @Test
    void theTailCutAfterTheLatestCheckpoint() throws Exception {
        tamper("DELETE FROM audit_event WHERE seq > 25");
        assertNamed(BreakKind.TRUNCATED, 26);
    }

    @Test
    void aCheckpointMovedToCoverARewrittenChain() throws Exception {
        tamper("UPDATE audit_checkpoint SET head_hash = '" + "a".repeat(64) + "' WHERE seq = 30");
        assertNamed(BreakKind.FORGED_CHECKPOINT, 30);
    }

    @Test
    void aCheckpointSignedWithTheInsidersOwnKey() throws Exception {
        var insidersKey = SigningKey.loadOrCreate(dir.resolve("insider"));
        try (var insider = db.insider()) {
            var head = eventAt(insider, 30);
            var unsigned = new Checkpoint(31, head.hash(), Instant.now(), insidersKey.keyId(), "");
            var forged = new Checkpoint(
                    31,
                    head.hash(),
                    unsigned.signedAt(),
                    insidersKey.keyId(),
                    insidersKey.sign(CanonicalForm.checkpoint(unsigned)));
            try (var s = insider.prepareStatement("INSERT INTO audit_checkpoint VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, forged.seq());
                s.setString(2, forged.headHash());
                s.setObject(3, OffsetDateTime.ofInstant(forged.signedAt(), ZoneOffset.UTC));
                s.setString(4, forged.keyId());
                s.setString(5, forged.signature());
                s.executeUpdate();
            }
        }
        assertNamed(BreakKind.FORGED_CHECKPOINT, 31);
    }

    @Test
    void theChainRewrittenAndRehashedUnderASignedCheckpoint() throws Exception {
        try (var insider = db.insider()) {
            String prev = eventAt(insider, 19).hash();
            try (var s = insider.createStatement()) {
                s.executeUpdate("DELETE FROM audit_event WHERE seq >= 20");
            }
            for (int seq = 20; seq <= 30; seq++) {
                var e = AuditDatabase.event("rewritten-" + seq);
                var hash = CanonicalForm.hash(seq, e, prev);
                insertRow(insider, seq, e, prev, hash);
                prev = hash;
            }
        }
        assertNamed(BreakKind.CHECKPOINT_MISMATCH, 30);
    }

    @Test
    void theStandaloneVerifierJarNamesTheBreak() throws Exception {
        var jar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().endsWith("-audit-verifier.jar"))
                .findFirst();
        assumeThat(jar).as("the shaded verifier jar is built by mvn package").isPresent();
        tamper("DELETE FROM audit_event WHERE seq = 7");
        var bundle = export();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-jar", jar.get().toString(), bundle.toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(output).contains("MISSING_EVENT at seq 7");
    }

    private void assertNamed(BreakKind kind, long seq) throws Exception {
        var verdict = evidence.verifyAll();
        assertThat(verdict.firstBreak()).as("API verdict: %s", verdict).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(kind);
            assertThat(b.seq()).isEqualTo(seq);
        });
        var offline = offline();
        assertThat(offline.exitCode).as(offline.output).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(offline.output).contains(kind + " at seq " + seq);
    }

    private record Run(int exitCode, String output) {}

    private Run offline() throws Exception {
        var bundle = export();
        var publishedKey = dir.resolve("published.pem");
        Files.writeString(publishedKey, checkpoints.publicKeyPem());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = VerifyEvidence.run(
                new String[] {"--trusted-key", publishedKey.toString(), bundle.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private Path export() throws Exception {
        var bundle = Files.createTempFile(dir, "evidence-", ".zip");
        try (var out = Files.newOutputStream(bundle)) {
            evidence.export(1, Long.MAX_VALUE, out);
        }
        return bundle;
    }

    private void tamper(String... statements) throws SQLException {
        try (var insider = db.insider();
                var s = insider.createStatement()) {
            for (var sql : statements) {
                assertThat(s.executeUpdate(sql)).as(sql).isPositive();
            }
        }
    }

    private static ChainedEvent eventAt(Connection c, long seq) throws SQLException {
        try (var events = ChainReader.events(c, seq, seq)) {
            return events.next();
        }
    }

    private static void insertRow(Connection c, long seq, AuditEvent e, String prev, String hash) throws SQLException {
        // the insider uses the application's own code path, minus the lock and the head lookup
        try (var s = c.prepareStatement("INSERT INTO audit_event (seq, occurred_at, actor, actor_type, tenant, action,"
                + " resource, outcome, http_status, client_address, request_id, request_digest, response_digest,"
                + " summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
            s.setString(3, e.actor());
            s.setString(4, e.actorType().code());
            s.setString(5, e.tenant() == null ? null : e.tenant().value());
            s.setString(6, e.action());
            s.setString(7, e.resource());
            s.setString(8, e.outcome());
            s.setObject(9, e.httpStatus());
            s.setString(10, e.clientAddress());
            s.setString(11, e.requestId());
            s.setString(12, e.requestDigest());
            s.setString(13, e.responseDigest());
            s.setString(14, e.summary());
            s.setString(15, prev);
            s.setString(16, hash);
            s.executeUpdate();
        }
    }
}
