package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence bundle of a range: widened to the signed checkpoints around it, verified offline with
 * the range's anchor and cover named; a bundle whose anchor was swapped, or whose events were edited in
 * the database, fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRangeIT {

    private final AuditDatabase db = new AuditDatabase();
    private AuditEvidence evidence;
    private Path trusted;

    @TempDir
    Path work;

    @BeforeAll
    void chainWithTwoCheckpointsAndAnUnsignedTail(@TempDir Path keys) throws Exception {
        db.reset();
        var log = new AuditLog(db.app());
        var checkpoints = new AuditCheckpoints(db.app(), keys);
        log.appendAll(IntStream.range(0, 300)
                .mapToObj(i -> AuditDatabase.event("a" + i))
                .toList());
        checkpoints.sign();
        log.appendAll(IntStream.range(0, 300)
                .mapToObj(i -> AuditDatabase.event("b" + i))
                .toList());
        checkpoints.sign();
        log.appendAll(IntStream.range(0, 100)
                .mapToObj(i -> AuditDatabase.event("c" + i))
                .toList());
        evidence = new AuditEvidence(db.app(), checkpoints);
        trusted = keys.resolve("trusted.pem");
        Files.writeString(trusted, checkpoints.keyHistoryPem());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void aRangeIsWidenedToTheCheckpointsAroundItAndVerifiesOffline() throws Exception {
        var bundle = work.resolve("range.zip");
        var range = export(350, 420, bundle);
        assertThat(range.fromSeq()).isEqualTo(301);
        assertThat(range.toSeq()).isEqualTo(600);
        assertThat(range.anchorCheckpointSeq()).isEqualTo(300);
        assertThat(range.coveringCheckpointSeq()).isEqualTo(600);
        assertThat(range.events()).isEqualTo(300);
        assertThat(verify(bundle))
                .isEqualTo("0 OK: 300 events (seq 301..600), 2 signed checkpoints verified\n"
                        + "the events seq 350..420 asked for are anchored at the checkpoint signed at seq 300"
                        + " and covered by the checkpoint signed at seq 600");

        var first = work.resolve("first.zip");
        assertThat(export(1, 10, first).anchorCheckpointSeq()).isNull();
        assertThat(verify(first)).startsWith("0 OK: 300 events (seq 1..300)").contains("the start of the chain");

        var tail = work.resolve("tail.zip");
        var open = export(650, 660, tail);
        assertThat(open.covered()).isFalse();
        assertThat(open.toSeq()).isEqualTo(700);
        assertThat(verify(tail)).startsWith("0 OK: 100 events (seq 601..700)").contains("no signed checkpoint covers");
        assertThatThrownBy(() -> evidence.exportRange(5, 4, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSwappedAnchorOrAnEditedEventIsCaught() throws Exception {
        var bundle = work.resolve("swap.zip");
        export(350, 420, bundle);
        var forged = work.resolve("forged.zip");
        try (var in = new ZipFile(bundle.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                var bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(EvidenceBundle.MANIFEST)) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace("\"anchorCheckpointSeq\" : 300", "\"anchorCheckpointSeq\" : 600")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(verify(forged))
                .isEqualTo(
                        "1 BROKEN: the bundle's first event (seq 301) is not anchored at the head hash signed at seq 600");

        try (var c = db.insider();
                var s = c.createStatement()) {
            s.execute("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 400");
        }
        try {
            var edited = work.resolve("edited.zip");
            export(350, 420, edited);
            assertThat(verify(edited)).startsWith("1 BROKEN: FIELD_EDITED at seq 400");
        } finally {
            try (var c = db.insider();
                    var s = c.createStatement()) {
                s.execute("UPDATE audit_event SET outcome = 'OK' WHERE seq = 400");
            }
        }
    }

    private org.citymaas.security.audit.entity.EvidenceRange export(long from, long to, Path file) throws Exception {
        try (var out = Files.newOutputStream(file)) {
            return evidence.exportRange(from, to, out);
        }
    }

    private String verify(Path bundle) {
        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code =
                VerifyEvidence.run(new String[] {"--trusted-key", trusted.toString(), bundle.toString()}, print, print);
        return code + " " + out.toString(StandardCharsets.UTF_8).trim();
    }
}
