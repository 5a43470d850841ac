package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.citymaas.security.audit.control.ArchiveFiles;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.ArchivedEventsException;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.RetentionPolicy;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a real PostgreSQL: the expired prefix is archived as a verified bundle, removed up to the
 * latest signed checkpoint in it, and the removal audited; the chain then verifies from its anchor, in the
 * portal and offline, and the archive plus the online chain verify as one; the database refuses every
 * other deletion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRetentionIT {

    private static final Instant NOW = Instant.now();
    private static final RetentionPolicy POLICY = RetentionPolicy.parse("default=180, inference.*=180, signin*=365");

    private final AuditDatabase db = new AuditDatabase();

    @TempDir
    Path keys;

    @TempDir
    Path work;

    private AuditLog log;
    private AuditCheckpoints checkpoints;
    private AuditRetention retention;

    /**
     * seq 1..120 inference 400 days old (a checkpoint after 100), 121..170 sign-ins 200 days old (kept 365
     * days), 171..200 inference of today; a checkpoint at 200.
     */
    @BeforeEach
    void chain() throws Exception {
        db.reset();
        log = new AuditLog(db.app());
        checkpoints = new AuditCheckpoints(db.app(), keys, CheckpointSink.directory(work.resolve("published")));
        log.appendAll(IntStream.rangeClosed(1, 100)
                .mapToObj(i -> event("inference.request", 400, i))
                .toList());
        checkpoints.sign();
        log.appendAll(IntStream.rangeClosed(101, 120)
                .mapToObj(i -> event("inference.request", 400, i))
                .toList());
        log.appendAll(IntStream.rangeClosed(121, 170)
                .mapToObj(i -> event("signin", 200, i))
                .toList());
        log.appendAll(IntStream.rangeClosed(171, 200)
                .mapToObj(i -> event("inference.request", 0, i))
                .toList());
        checkpoints.sign();
        retention = new AuditRetention(db.app(), checkpoints, POLICY);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void removesTheExpiredPrefixUpToItsLatestCheckpointAndStillVerifies() throws Exception {
        var archive = work.resolve("archive");
        var run = retention.run(NOW, archive);

        assertThat(run.onlineFromSeq()).isEqualTo(1);
        assertThat(run.expiredThroughSeq()).isEqualTo(120);
        var removal = run.removal().orElseThrow();
        assertThat(removal.fromSeq()).isEqualTo(1);
        assertThat(removal.toSeq()).isEqualTo(100);
        assertThat(removal.events()).isEqualTo(100);
        assertThat(removal.eventSeq()).isEqualTo(201);
        var bundle = archive.resolve(removal.bundleFile());
        assertThat(removal.bundleFile()).isEqualTo("audit-events-00000000000000000001-00000000000000000100.zip");
        assertThat(ArchiveFiles.sha256(bundle)).isEqualTo(removal.bundleSha256());
        assertThat(db.count("SELECT min(seq) FROM audit_event")).isEqualTo(101);
        assertThat(db.count("SELECT count(*) FROM audit_event")).isEqualTo(101);
        assertThat(retention.removals()).singleElement().satisfies(r -> {
            assertThat(r.toSeq()).isEqualTo(100);
            assertThat(r.bundleSha256()).isEqualTo(removal.bundleSha256());
            assertThat(r.eventSeq()).isEqualTo(201);
        });

        // the removal is on the record
        var recorded = log.search(
                        AuditQuery.builder()
                                .actions(List.of("audit.retention.remove"))
                                .build(),
                        null)
                .events();
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(201);
            assertThat(e.event().actor()).isEqualTo(AuditRetention.ACTOR);
            assertThat(e.event().resource()).isEqualTo("audit/events/1-100");
            assertThat(e.event().summary())
                    .contains(
                            "events=100",
                            "bundle=" + removal.bundleFile(),
                            "sha256=" + removal.bundleSha256(),
                            "anchor_seq=100",
                            "anchor_hash=" + removal.anchorHash());
        });

        // the online chain verifies from its anchor, with the published checkpoints
        var evidence = new AuditEvidence(db.app(), checkpoints);
        assertThat(evidence.firstOnlineSeq()).isEqualTo(101);
        var verdict = evidence.verifyAll();
        assertThat(verdict.ok()).as(verdict.toString()).isTrue();
        assertThat(verdict.fromSeq()).isEqualTo(101);
        assertThat(verdict.lastSeq()).isEqualTo(201);
        assertThat(evidence.verify(50, 150).ok()).isTrue();
        assertThatThrownBy(() -> evidence.verify(1, 100))
                .isInstanceOf(ArchivedEventsException.class)
                .hasMessageContaining("seq 1..100 were removed from the database by retention");
        checkpoints.sign();
        assertThat(evidence.verifyAll().ok()).isTrue();

        // offline: the archive alone, the online chain from its anchor, and both as one chain
        assertThat(verify(bundle)).startsWith("0 OK: 100 events (seq 1..100)");
        var online = work.resolve("online.zip");
        try (var out = Files.newOutputStream(online)) {
            var range = evidence.exportRange(1, 201, out);
            assertThat(range.fromSeq()).isEqualTo(101);
            assertThat(range.anchorCheckpointSeq()).isEqualTo(100);
        }
        assertThat(verify(online))
                .startsWith("0 OK: 101 events (seq 101..201)")
                .contains("seq 1..100 were removed from the database by retention");
        assertThat(verify(bundle, online))
                .startsWith("0 ")
                .endsWith("OK: the 2 bundles are one unbroken chain, seq 1..201 from the start");
        assertThat(verify(online, bundle)).startsWith("1 ").contains("does not continue");

        // nothing more to remove: 101..120 have expired but no checkpoint is signed among them
        var again = retention.run(NOW, archive);
        assertThat(again.removal()).isEmpty();
        assertThat(again.note()).contains("no checkpoint is signed among them");
    }

    @Test
    void aNewerCategoryKeptLongerKeepsEverythingAfterItOnline() throws Exception {
        var strict = new AuditRetention(db.app(), checkpoints, RetentionPolicy.parse("default=180, inference.*=500"));
        var run = strict.run(NOW, work.resolve("archive"));
        assertThat(run.removal()).isEmpty();
        assertThat(run.expiredThroughSeq()).isZero();
        assertThat(run.note()).startsWith("nothing to remove: the first event online (seq 1) is kept");
        assertThat(db.count("SELECT count(*) FROM audit_event")).isEqualTo(200);
    }

    @Test
    void theDatabaseRefusesAMiddleSegmentAPrefixBeyondItsCheckpointsAndRecentEvents() throws Exception {
        retention.run(NOW, work.resolve("archive"));
        var sha = "0".repeat(64);
        assertThat(refusal("SELECT audit_remove_prefix(150, 160, 'x.zip', '" + sha + "', 201)"))
                .contains("retention removes only the start of the audit chain: it starts at seq 101, not 150");
        assertThat(refusal("SELECT audit_remove_prefix(101, 120, 'x.zip', '" + sha + "', 201)"))
                .contains("up to a signed checkpoint only: none is signed at seq 120");
        assertThat(refusal("SELECT audit_remove_prefix(101, 201, 'x.zip', '" + sha + "', 201)"))
                .contains("the chain head (seq 201) stays online");
        assertThat(refusal("SELECT audit_remove_prefix(101, 200, 'x.zip', '" + sha + "', 201)"))
                .contains("audit events stay online for at least 180 days");
        log.append(event("inference.request", 400, 202));
        assertThat(refusal("SELECT audit_remove_prefix(101, 201, 'x.zip', '" + sha + "', 202)"))
                .contains("up to a signed checkpoint only: none is signed at seq 201");
        assertThat(refusal("SELECT audit_remove_prefix(101, 202, 'x.zip', '" + sha + "', 202)"))
                .contains("the chain head (seq 202) stays online");
        // the app role has no DELETE at all; the owner's DELETE is refused by the trigger
        assertThat(refusal("DELETE FROM audit_event WHERE seq = 101")).contains("permission denied");
        try (var c = db.owner().getConnection();
                var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_event WHERE seq <= 110"))
                    .hasMessageContaining("the audit log is append-only: DELETE of seq");
            assertThatThrownBy(() -> s.execute("UPDATE audit_event SET actor = 'x' WHERE seq = 101"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_removal")).hasMessageContaining("append-only");
        }
        assertThat(db.count("SELECT count(*) FROM audit_event")).isEqualTo(102);
        assertThat(new AuditEvidence(db.app(), checkpoints).verifyAll().ok()).isTrue();
    }

    @Test
    void aPrefixDeletedWithoutARetentionRecordIsABreak() throws Exception {
        try (var c = db.insider();
                var s = c.createStatement()) {
            s.execute("DELETE FROM audit_event WHERE seq <= 100");
        }
        var verdict = new AuditEvidence(db.app(), checkpoints).verifyAll();
        assertThat(verdict.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.MISSING_EVENT);
            assertThat(b.reason()).contains("events 1..100 are not online and no retention removal");
        });
        assertThatThrownBy(() -> retention.run(NOW, work.resolve("archive")))
                .hasMessageContaining("refusing to remove audit events: the start of the chain does not verify");
    }

    @Test
    void anArchiveAlreadyThereThatDoesNotVerifyStopsTheRemoval() throws Exception {
        var archive = work.resolve("archive");
        Files.createDirectories(archive);
        Files.writeString(archive.resolve(ArchiveFiles.fileName(1, 100)), "not a bundle");
        assertThatThrownBy(() -> retention.run(NOW, archive))
                .hasMessageContaining("refusing to remove seq 1..100: the archive already there");
        assertThat(db.count("SELECT count(*) FROM audit_event")).isEqualTo(200);
    }

    @Test
    void theVerifierJarChecksTheArchiveAndTheOnlineChainAsOne() throws Exception {
        var jar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().endsWith("-audit-verifier.jar"))
                .findFirst();
        assumeThat(jar).as("the shaded verifier jar is built by mvn package").isPresent();
        var archive = work.resolve("archive");
        var removal = retention.run(NOW, archive).removal().orElseThrow();
        var online = work.resolve("online.zip");
        try (var out = Files.newOutputStream(online)) {
            new AuditEvidence(db.app(), checkpoints).exportRange(removal.toSeq() + 1, 201, out);
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(
                        java,
                        "-jar",
                        jar.get().toString(),
                        "--trusted-keys",
                        keys.toString(),
                        "--published",
                        work.resolve("published").toString(),
                        archive.resolve(removal.bundleFile()).toString(),
                        online.toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(VerifyEvidence.OK);
        assertThat(output).contains("OK: the 2 bundles are one unbroken chain, seq 1..201 from the start");
    }

    private String refusal(String sql) {
        try (var c = db.app().getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
            return "accepted";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private String verify(Path... bundles) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var args = new ArrayList<String>(List.of("--trusted-keys", keys.toString()));
        for (var b : bundles) {
            args.add(b.toString());
        }
        int code = VerifyEvidence.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).strip();
    }

    private static AuditEvent event(String action, int daysAgo, int n) {
        return AuditEvent.builder()
                .occurredAt(NOW.minus(Duration.ofDays(daysAgo)).plusSeconds(n))
                .actor("zhang.wei", ActorType.USER)
                .tenant(new TenantId("transport"))
                .action(action)
                .resource("models/traffic-flow/versions/3")
                .outcome("OK", 200)
                .requestId("r" + n)
                .build();
    }
}
