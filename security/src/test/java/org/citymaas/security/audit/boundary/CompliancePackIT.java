package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.CompliancePackManifest;
import org.citymaas.security.audit.entity.RetentionPolicy;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance pack from a chain that retention has trimmed: every file is in it, the mapping names
 * the four security audit requirements, the evidence says what the chain holds, and the offline verifier
 * accepts the pack and refuses a changed file, an edited manifest, an extra file and an untrusted key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompliancePackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetentionPolicy POLICY = RetentionPolicy.parse("inference.*=180, signin*=365");

    private final AuditDatabase db = new AuditDatabase();
    private Path keys;
    private Path pack;
    private CompliancePackManifest manifest;

    @TempDir
    Path work;

    @BeforeAll
    void packOfATrimmedChain(@TempDir Path keyDirectory, @TempDir Path files) throws Exception {
        keys = keyDirectory;
        db.reset();
        var log = new AuditLog(db.app());
        var checkpoints = new AuditCheckpoints(db.app(), keys, CheckpointSink.directory(files.resolve("published")));
        var old = Instant.now().minus(Duration.ofDays(300));
        log.appendAll(IntStream.range(0, 50)
                .mapToObj(i -> AuditEvent.builder()
                        .occurredAt(old.plusSeconds(i))
                        .actor("li.na", ActorType.USER)
                        .action("inference.request")
                        .resource("models/traffic-flow")
                        .outcome("OK", 200)
                        .build())
                .toList());
        checkpoints.sign();
        log.appendAll(IntStream.range(0, 30)
                .mapToObj(i -> AuditDatabase.event("p" + i))
                .toList());
        checkpoints.sign();
        var run = new AuditRetention(db.app(), checkpoints, POLICY).run(Instant.now(), files.resolve("archive"));
        assertThat(run.eventsRemoved()).isEqualTo(50);
        pack = files.resolve("compliance-pack.zip");
        try (var out = Files.newOutputStream(pack)) {
            manifest = new CompliancePack(db.app(), checkpoints).write(Instant.now(), POLICY, out);
        }
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void holdsTheMappingAndEveryPieceOfEvidence() throws Exception {
        var entries = entries(pack);
        assertThat(entries.keySet())
                .containsExactly(
                        "mlps-audit-mapping.md",
                        "chain-verification.json",
                        "retention.json",
                        "checkpoints.jsonl",
                        "audit-public-keys.pem",
                        "manifest.json");
        assertThat(manifest.files())
                .extracting(CompliancePackManifest.PackFile::name)
                .containsExactlyElementsOf(new ArrayList<>(entries.keySet()).subList(0, 5));
        for (var f : manifest.files()) {
            assertThat(f.sha256()).isEqualTo(sha256(entries.get(f.name())));
            assertThat(f.bytes()).isEqualTo(entries.get(f.name()).length);
        }

        var mapping = text(entries, "mlps-audit-mapping.md");
        assertThat(mapping)
                .contains(
                        "GB/T 22239-2019",
                        "审计记录应包括事件的日期和时间、用户、事件类型、事件是否成功",
                        "Records include the date and time, the user, the event type, success or failure",
                        "应对审计进程进行保护",
                        "OK: 31 events (seq 51..81)")
                .doesNotContain("{{");

        var verification = JSON.readTree(entries.get("chain-verification.json"));
        assertThat(verification.path("ok").asBoolean()).isTrue();
        assertThat(verification.path("fromSeq").asLong()).isEqualTo(51);
        assertThat(verification.path("eventsVerified").asLong()).isEqualTo(31);
        assertThat(verification.path("start").path("anchorCheckpointSeq").asLong())
                .isEqualTo(50);
        assertThat(verification.path("publishedCheckpointSeq").asLong()).isEqualTo(80);
        assertThat(verification
                        .path("actionCategories")
                        .path("inference")
                        .path("events")
                        .asLong())
                .isEqualTo(30);
        assertThat(verification
                        .path("actionCategories")
                        .path("audit")
                        .path("events")
                        .asLong())
                .isEqualTo(1);

        var retention = JSON.readTree(entries.get("retention.json"));
        assertThat(retention.path("minimumDays").asInt()).isEqualTo(180);
        assertThat(retention.path("policy").asText()).isEqualTo("default=180, inference.*=180, signin*=365");
        assertThat(retention.path("onlineFromSeq").asLong()).isEqualTo(51);
        assertThat(retention.path("removals")).singleElement().satisfies(r -> {
            assertThat(r.path("fromSeq").asLong()).isEqualTo(1);
            assertThat(r.path("toSeq").asLong()).isEqualTo(50);
            assertThat(r.path("bundleFile").asText()).startsWith("audit-events-");
        });

        assertThat(text(entries, "checkpoints.jsonl").lines()).hasSize(2);
        assertThat(text(entries, "audit-public-keys.pem")).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void theOfflineVerifierAcceptsThePack() {
        assertThat(verify(pack, "--trusted-keys", keys.toString()))
                .startsWith("0 OK: compliance pack of 5 files made at");
        assertThat(verify(pack)).startsWith("0 OK:").contains("warning: trusting the public keys inside the pack");
    }

    @Test
    void aChangedFileAnEditedManifestAnExtraFileOrAnotherKeyFail() throws Exception {
        var changed = rewrite("changed.zip", entries -> {
            entries.put(
                    "retention.json",
                    text(entries, "retention.json").replace("365", "36").getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertThat(verify(changed, "--trusted-keys", keys.toString()))
                .startsWith("1 BROKEN: retention.json was changed: its SHA-256 is");

        var edited = rewrite("edited.zip", entries -> {
            var doctored = text(entries, "retention.json").replace("365", "36").getBytes(StandardCharsets.UTF_8);
            var sha = manifest.files().stream()
                    .filter(f -> f.name().equals("retention.json"))
                    .findFirst()
                    .orElseThrow();
            entries.put("retention.json", doctored);
            entries.put(
                    "manifest.json",
                    text(entries, "manifest.json")
                            .replace(sha.sha256(), sha256(doctored))
                            .replace("\"bytes\" : " + sha.bytes() + ",", "\"bytes\" : " + doctored.length + ",")
                            .getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertThat(verify(edited, "--trusted-keys", keys.toString()))
                .startsWith("1 BROKEN: the manifest's signature does not verify with the trusted key");

        var extra = rewrite("extra.zip", entries -> {
            entries.put("note.txt", "trust me".getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertThat(verify(extra, "--trusted-keys", keys.toString()))
                .startsWith("1 BROKEN: note.txt is in the pack but not in the manifest");

        var other = work.resolve("other.pem");
        Files.writeString(
                other, SigningKey.loadOrCreate(work.resolve("other-keys")).publicKeyPem());
        assertThat(verify(pack, "--trusted-key", other.toString()))
                .startsWith("1 BROKEN: the manifest is signed by key " + manifest.keyId() + ", not a trusted key");
    }

    private Path rewrite(String name, UnaryOperator<Map<String, byte[]>> change) throws Exception {
        var entries = change.apply(entries(pack));
        var target = work.resolve(name);
        try (var zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    private static Map<String, byte[]> entries(Path zipFile) throws Exception {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipFile(zipFile.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verify(Path file, String... options) {
        var args = new ArrayList<>(List.of(options));
        args.add(file.toString());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = VerifyEvidence.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).strip();
    }
}
