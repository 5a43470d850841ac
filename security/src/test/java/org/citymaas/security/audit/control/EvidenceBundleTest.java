package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.security.audit.control.TestChains.chain;
import static org.citymaas.security.audit.control.TestChains.checkpoint;
import static org.citymaas.security.audit.control.TestChains.newKey;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {

    private final SigningKey key = newKey();
    private final List<ChainedEvent> events = chain(20);

    @TempDir
    Path dir;

    private Path bundle() throws Exception {
        var file = dir.resolve("evidence.zip");
        try (var out = Files.newOutputStream(file)) {
            EvidenceBundle.write(
                    out,
                    1,
                    ChainedEvent.GENESIS,
                    events.iterator(),
                    List.of(checkpoint(key, events.get(19))),
                    key.publicKeyPem());
        }
        return file;
    }

    @Test
    void readsBackExactlyWhatWasWritten() throws Exception {
        try (var reader = EvidenceBundle.open(bundle())) {
            var read = new ArrayList<ChainedEvent>();
            reader.events().forEachRemaining(read::add);
            assertThat(read).isEqualTo(events);
            assertThat(reader.checkpoints()).containsExactly(checkpoint(key, events.get(19)));
            assertThat(SigningKey.keyId(SigningKey.parsePublicKey(reader.publicKeyPem())))
                    .isEqualTo(key.keyId());
            assertThat(reader.fromSeq()).isEqualTo(1);
        }
    }

    @Test
    void theOfflineCommandAcceptsAnIntactBundle() throws Exception {
        var run = run(bundle());
        assertThat(run.code).isEqualTo(VerifyEvidence.OK);
        assertThat(run.out).startsWith("OK: 20 events (seq 1..20), 1 signed checkpoints verified");
        assertThat(run.err).contains("trusting the public key inside the bundle");
    }

    @Test
    void theOfflineCommandNamesAFieldEditedInTheBundle() throws Exception {
        var tampered = rewriteEvents(bundle(), lines -> lines.replace("\"req-7\"", "\"req-77\""));
        var run = run(tampered);
        assertThat(run.code).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(run.out).contains("FIELD_EDITED at seq 7");
    }

    @Test
    void theOfflineCommandNamesLinesSwappedInTheBundle() throws Exception {
        var tampered = rewriteEvents(bundle(), text -> {
            var lines = new ArrayList<>(List.of(text.split("\n")));
            var third = lines.get(2);
            lines.set(2, lines.get(3));
            lines.set(3, third);
            return String.join("\n", lines) + "\n";
        });
        var run = run(tampered);
        assertThat(run.code).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(run.out).contains("REORDERED at seq 4");
    }

    @Test
    void theOfflineCommandRejectsABundleSignedWithAnotherKeyThanThePublishedOne() throws Exception {
        var published = dir.resolve("published.pem");
        Files.writeString(published, newKey().publicKeyPem());
        var run = run(bundle(), "--trusted-key", published.toString());
        assertThat(run.code).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(run.out).contains("FORGED_CHECKPOINT at seq 20");
    }

    @Test
    void theOfflineCommandSaysWhenItCannotRead() throws Exception {
        var notABundle = Files.writeString(dir.resolve("x.zip"), "hello");
        assertThat(run(notABundle).code).isEqualTo(VerifyEvidence.UNREADABLE);
        assertThat(run(dir.resolve("missing.zip")).code).isEqualTo(VerifyEvidence.UNREADABLE);
    }

    private record Run(int code, String out, String err) {}

    private static Run run(Path bundle, String... options) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var args = new ArrayList<>(List.of(options));
        args.add(bundle.toString());
        int code = VerifyEvidence.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Rewrites events.jsonl inside a bundle, as someone holding the exported file could. */
    private Path rewriteEvents(Path original, UnaryOperator<String> edit) throws Exception {
        var tampered = dir.resolve("tampered.zip");
        try (var in = new ZipFile(original.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(EvidenceBundle.EVENTS)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return tampered;
    }
}
