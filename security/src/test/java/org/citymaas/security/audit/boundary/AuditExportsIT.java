package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.ExportFormat;
import org.citymaas.security.audit.entity.ExportManifest;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports against a real PostgreSQL: an export holds exactly what the search with the same filters
 * pages through, stays one snapshot while two appenders go on, and the offline verifier accepts it and
 * refuses it after one changed byte, a removed line, an edited or a re-signed manifest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportsIT {

    private static final String[] TENANTS = {"transport", "health", "police"};
    private static final String[] ACTIONS = {
        "inference.request", "batch.submit", "subscription.grant", "quota.set", "api.signin"
    };
    private static final String[] OUTCOMES = {"OK", "OK", "DENIED", "REJECTED", "FAILED"};
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditDatabase db = new AuditDatabase();
    private AuditCheckpoints checkpoints;
    private AuditExports exports;
    private Path trustedPem;

    @TempDir
    Path work;

    @BeforeAll
    void appendVariedEvents(@TempDir Path keys) throws Exception {
        db.reset();
        checkpoints = new AuditCheckpoints(db.app(), keys);
        exports = new AuditExports(db.app(), checkpoints);
        new AuditLog(db.app())
                .appendAll(
                        IntStream.range(0, 600).mapToObj(AuditExportsIT::varied).toList());
        trustedPem = keys.resolve("trusted.pem");
        Files.writeString(trustedPem, checkpoints.keyHistoryPem());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void anExportHoldsExactlyTheEventsTheSearchWithTheSameFiltersFinds() throws Exception {
        var queries = List.of(
                AuditQuery.builder().build(),
                AuditQuery.builder()
                        .departments(List.of(new TenantId("transport")))
                        .outcomes(List.of("DENIED", "REJECTED"))
                        .build(),
                AuditQuery.builder()
                        .actions(List.of("subscription.*", "batch.submit"))
                        .build(),
                AuditQuery.builder().models(List.of("model-2")).build(),
                AuditQuery.builder()
                        .between(START.plus(Duration.ofHours(100)), START.plus(Duration.ofHours(300)))
                        .actors(List.of("user-1", "user-4"))
                        .build(),
                AuditQuery.builder().requestId("no-such-request").build());
        for (var query : queries) {
            var searched = searchAll(query);
            var jsonl = new ByteArrayOutputStream();
            var manifest = exports.export(query, ExportFormat.JSONL, jsonl);
            assertThat(jsonlSeqs(jsonl.toByteArray())).as("%s", query).containsExactlyElementsOf(searched);
            assertThat(manifest.rowCount()).isEqualTo(searched.size());
            assertThat(manifest.firstSeq()).isEqualTo(searched.isEmpty() ? null : searched.get(0));
            assertThat(manifest.lastSeq()).isEqualTo(searched.isEmpty() ? null : searched.get(searched.size() - 1));
            assertThat(manifest.headSeq()).isEqualTo(600);
            assertThat(manifest.filters()).isEqualTo(query);

            var csv = new ByteArrayOutputStream();
            var csvManifest = exports.export(query, ExportFormat.CSV, csv);
            assertThat(csvSeqs(csv.toByteArray())).containsExactlyElementsOf(searched);
            assertThat(csvManifest.rowCount()).isEqualTo(searched.size());
        }
        assertThat(searchAll(queries.get(1))).hasSizeGreaterThan(10);
    }

    @Test
    void theCsvNeutralisesFormulasAndTheManifestRoundTripsThroughItsJson() throws Exception {
        var query = AuditQuery.builder().requestId("req-formula").build();
        var csv = new ByteArrayOutputStream();
        var manifest = exports.export(query, ExportFormat.CSV, csv);
        var text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFseq,occurred_at,occurred_at_shanghai,actor,");
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",").doesNotContain("\"=HYPERLINK");
        assertThat(ExportManifest.parse(manifest.toJson())).isEqualTo(manifest);
    }

    @Test
    void anExportWhileTwoAppendersAppendIsOneSnapshotUpToTheHeadItNames() throws Exception {
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(2);
        // a database of its own: the other tests count on the 600 events
        try (var own = new AuditDatabase();
                var connections = new PerThreadDataSource(own.app())) {
            var exports = new AuditExports(own.app(), checkpoints);
            var log = new AuditLog(connections.dataSource());
            var writers = new ArrayList<Future<Void>>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(appender(log, w, stop)));
            }
            while (own.count("SELECT coalesce(max(seq), 0) FROM audit_event") < 5_000) {
                Thread.sleep(20);
            }
            var all = new ByteArrayOutputStream();
            var manifest = exports.export(AuditQuery.builder().build(), ExportFormat.JSONL, all);
            var refusals = AuditQuery.builder().outcomes(List.of("DENIED")).build();
            var filtered = new ByteArrayOutputStream();
            var filteredManifest = exports.export(refusals, ExportFormat.JSONL, filtered);
            long headDuring = own.count("SELECT max(seq) FROM audit_event");
            stop.set(true);
            for (var writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            long headAfter = own.count("SELECT max(seq) FROM audit_event");

            assertThat(headAfter).as("appends went on after the export").isGreaterThan(manifest.headSeq());
            var seqs = jsonlSeqs(all.toByteArray());
            assertThat(seqs)
                    .as("every event up to the head the manifest names, no gap, nothing later")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, manifest.headSeq())
                            .boxed()
                            .toList());
            assertThat(manifest.lastSeq()).isEqualTo(manifest.headSeq());
            assertThat(headDuring).isGreaterThanOrEqualTo(filteredManifest.headSeq());
            assertThat(jsonlSeqs(filtered.toByteArray()))
                    .containsExactlyElementsOf(seqs(
                            own,
                            "SELECT seq FROM audit_event WHERE outcome = 'DENIED' AND seq <= "
                                    + filteredManifest.headSeq() + " ORDER BY seq"));
            var file = work.resolve("all.jsonl");
            Files.write(file, all.toByteArray());
            Files.writeString(work.resolve("all.json"), manifest.toJson());
            assertThat(verify("--manifest", work.resolve("all.json").toString(), file.toString()))
                    .startsWith("0 OK: jsonl export of " + manifest.rowCount() + " events");
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void theOfflineVerifierAcceptsArchivesAndFilesWithTheirManifests() throws Exception {
        var query = AuditQuery.builder()
                .departments(List.of(new TenantId("health")))
                .build();
        for (var format : ExportFormat.values()) {
            var zip = work.resolve("export-" + format.code() + ".zip");
            ExportManifest manifest;
            try (var out = Files.newOutputStream(zip)) {
                manifest = exports.exportArchive(query, format, out);
            }
            assertThat(verify(zip.toString()))
                    .startsWith("0 OK: " + format.code() + " export of " + manifest.rowCount() + " events (seq "
                            + manifest.firstSeq() + ".." + manifest.lastSeq() + ")");
            var pair = exportPair(query, format);
            assertThat(verify(
                            "--manifest",
                            pair.manifest().toString(),
                            pair.events().toString()))
                    .startsWith("0 OK: ");
        }
        var zip = work.resolve("export-jsonl.zip");
        assertThat(verifyWithoutKeys(zip.toString())).startsWith("2 ").contains("pass --trusted-key");
    }

    @Test
    void theStandaloneVerifierJarChecksAnExportInASeparateJvm() throws Exception {
        var jar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().endsWith("-audit-verifier.jar"))
                .findFirst();
        assumeThat(jar).as("the shaded verifier jar is built by mvn package").isPresent();
        var zip = work.resolve("standalone.zip");
        try (var out = Files.newOutputStream(zip)) {
            exports.exportArchive(AuditQuery.builder().build(), ExportFormat.CSV, out);
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(
                        java, "-jar", jar.get().toString(), "--trusted-key", trustedPem.toString(), zip.toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(VerifyEvidence.OK);
        assertThat(output).startsWith("OK: csv export of 600 events (seq 1..600)");
    }

    @Test
    void oneChangedByteIsCaughtByTheDigestAndTheEventsHash() throws Exception {
        var pair = exportPair(AuditQuery.builder().build(), ExportFormat.JSONL);
        var lines = Files.readAllLines(pair.events());
        lines.set(2, lines.get(2).replace("\"outcome\":\"", "\"outcome\":\"X"));
        Files.writeString(pair.events(), String.join("\n", lines) + "\n");
        assertThat(verify(
                        "--manifest", pair.manifest().toString(), pair.events().toString()))
                .startsWith("1 BROKEN: ")
                .contains("the file's SHA-256 is")
                .contains("line 3 (seq 3): the event does not match its hash");

        var csv = exportPair(AuditQuery.builder().build(), ExportFormat.CSV);
        var bytes = Files.readAllBytes(csv.events());
        bytes[bytes.length / 2] ^= 1;
        Files.write(csv.events(), bytes);
        assertThat(verify("--manifest", csv.manifest().toString(), csv.events().toString()))
                .startsWith("1 BROKEN: the file's SHA-256 is");
    }

    @Test
    void aRemovedLineIsCaughtByTheRowCount() throws Exception {
        for (var format : ExportFormat.values()) {
            var pair = exportPair(AuditQuery.builder().build(), format);
            var lines = new ArrayList<>(Files.readAllLines(pair.events()));
            lines.remove(10);
            var separator = format == ExportFormat.CSV ? "\r\n" : "\n";
            Files.writeString(pair.events(), String.join(separator, lines) + separator);
            assertThat(verify(
                            "--manifest",
                            pair.manifest().toString(),
                            pair.events().toString()))
                    .startsWith("1 BROKEN: ")
                    .contains("the file holds 599 events, the manifest 600: events were removed or added");
        }
    }

    @Test
    void aForgedManifestIsRefused() throws Exception {
        var pair = exportPair(AuditQuery.builder().build(), ExportFormat.JSONL);
        var lines = new ArrayList<>(Files.readAllLines(pair.events()));
        lines.remove(lines.size() - 1);
        Files.writeString(pair.events(), String.join("\n", lines) + "\n");
        var manifest = ExportManifest.parse(Files.readString(pair.manifest()));
        var digest = AuditEvent.digest(Files.readAllBytes(pair.events()));
        var edited = new ExportManifest(
                manifest.format(),
                manifest.filters(),
                manifest.earliest(),
                manifest.latest(),
                599,
                manifest.firstSeq(),
                599L,
                digest,
                manifest.headSeq(),
                manifest.headHash(),
                manifest.createdAt(),
                manifest.keyId(),
                manifest.signature());
        Files.writeString(pair.manifest(), edited.toJson());
        assertThat(verify(
                        "--manifest", pair.manifest().toString(), pair.events().toString()))
                .isEqualTo("1 BROKEN: the manifest's signature does not verify with the trusted key " + manifest.keyId()
                        + ": the manifest was altered or forged");

        var forger = SigningKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        ExportManifest resigned;
        try (var out = Files.newOutputStream(pair.events())) {
            resigned = new AuditExports(db.app(), forger, Clock.systemUTC())
                    .export(AuditQuery.builder().build(), ExportFormat.JSONL, out);
        }
        Files.writeString(pair.manifest(), resigned.toJson());
        assertThat(verify(
                        "--manifest", pair.manifest().toString(), pair.events().toString()))
                .startsWith("1 BROKEN: the manifest is signed by key " + forger.keyId() + ", not a trusted key");
    }

    private record Pair(Path events, Path manifest) {}

    private Pair exportPair(AuditQuery query, ExportFormat format) throws IOException {
        var events = Files.createTempFile(work, "events", "." + format.code());
        ExportManifest manifest;
        try (var out = Files.newOutputStream(events)) {
            manifest = exports.export(query, format, out);
        }
        var manifestFile = Files.createTempFile(work, "manifest", ".json");
        Files.writeString(manifestFile, manifest.toJson());
        return new Pair(events, manifestFile);
    }

    /** The verifier's exit code, a space, and what it printed (out, then err). */
    private String verify(String... args) {
        var all = new ArrayList<String>(List.of("--trusted-key", trustedPem.toString()));
        return run(all, args);
    }

    private String verifyWithoutKeys(String... args) {
        return run(new ArrayList<>(), args);
    }

    private static String run(List<String> all, String... args) {
        Collections.addAll(all, args);
        var out = new ByteArrayOutputStream();
        int code = VerifyEvidence.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8).trim();
    }

    private List<Long> searchAll(AuditQuery filters) {
        var query = new AuditQuery(
                filters.from(),
                filters.to(),
                filters.departments(),
                filters.actors(),
                filters.actions(),
                filters.models(),
                filters.outcomes(),
                filters.httpStatus(),
                filters.clientAddress(),
                filters.requestId(),
                AuditQuery.MAX_PAGE_SIZE);
        var log = new AuditLog(db.app());
        var seqs = new ArrayList<Long>();
        String cursor = null;
        do {
            var page = log.search(query, cursor);
            page.events().stream().map(ChainedEvent::seq).forEach(seqs::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        Collections.reverse(seqs);
        return seqs;
    }

    private static List<Long> seqs(AuditDatabase database, String sql) throws SQLException {
        var seqs = new ArrayList<Long>();
        try (var c = database.owner().getConnection();
                var rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                seqs.add(rows.getLong(1));
            }
        }
        return seqs;
    }

    private static List<Long> jsonlSeqs(byte[] jsonl) throws IOException {
        var seqs = new ArrayList<Long>();
        for (var line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                seqs.add(JSON.readTree(line).path("seq").asLong());
            }
        }
        return seqs;
    }

    private static List<Long> csvSeqs(byte[] csv) {
        var lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
        var seqs = new ArrayList<Long>();
        for (int i = 1; i < lines.length; i++) {
            seqs.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(','))));
        }
        return seqs;
    }

    private static AuditEvent varied(int i) {
        var builder = AuditEvent.builder()
                .occurredAt(START.plus(Duration.ofMinutes(37L * i)))
                .actor(
                        i % 7 == 0 ? "svc-" + (i % 3) : "user-" + (i % 5),
                        i % 7 == 0 ? ActorType.SERVICE : ActorType.USER)
                .tenant(new TenantId(TENANTS[i % 3]))
                .action(ACTIONS[i % 5 == 4 ? 4 : (i / 3) % 4])
                .resource(
                        i % 11 == 0
                                ? "tenants/" + TENANTS[i % 3] + "/subscriptions/model-" + (i % 4)
                                : "models/model-" + (i % 4) + "/versions/1")
                .outcome(OUTCOMES[(i / 2) % 5], i % 2 == 0 ? 200 : 429)
                .clientAddress("10.0.0." + (i % 9))
                .requestId("req-" + i);
        if (i == 5) {
            builder.requestId("req-formula").summary("=HYPERLINK(\"http://x\")");
        }
        return builder.build();
    }

    private static Callable<Void> appender(AuditLog log, int writer, AtomicBoolean stop) {
        return () -> {
            for (int batch = 0; !stop.get(); batch++) {
                int base = batch * 100;
                log.appendAll(IntStream.range(base, base + 100)
                        .mapToObj(i -> varied(writer * 1_000_000 + i))
                        .toList());
            }
            return null;
        };
    }
}
