package org.citymaas.security.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.citymaas.security.signing.boundary.DocumentSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline command on a signed file: what an auditor runs and reads. */
class VerifyDetachedSignatureTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void verifiesAnUnchangedFileAndRefusesAChangedByteOrAnotherKey(@TempDir Path dir) throws Exception {
        var signatures = new DocumentSignatures(dir.resolve("keys"));
        var file = Files.write(dir.resolve("focus.csv"), "BilledCost\r\n48.90\r\n".getBytes(StandardCharsets.UTF_8));
        var sig = Files.write(
                dir.resolve("focus.csv.sig"),
                signatures.sign(Files.readAllBytes(file)).bytes());
        var key = Files.writeString(dir.resolve("export-signing.pub"), signatures.publicKeyPem());

        assertThat(run("--trusted-key", key, "--signature", sig, file)).isEqualTo(VerifyEvidence.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: ").contains("focus.csv");

        Files.writeString(file, "BilledCost\r\n48.91\r\n");
        assertThat(run("--trusted-key", key, "--signature", sig, file)).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("BROKEN: ").contains("was changed");

        var otherKey = Files.writeString(
                dir.resolve("other.pub"), new DocumentSignatures(dir.resolve("other")).publicKeyPem());
        Files.writeString(file, "BilledCost\r\n48.90\r\n");
        err.reset();
        assertThat(run("--trusted-key", otherKey, "--signature", sig, file)).isEqualTo(VerifyEvidence.BROKEN);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not with the trusted key");
    }

    @Test
    void aMalformedSignatureFileOrAMissingKeyIsUnreadableWithAClearMessage(@TempDir Path dir) throws Exception {
        var signatures = new DocumentSignatures(dir.resolve("keys"));
        var file = Files.writeString(dir.resolve("journal.csv"), "Amount\r\n1.00\r\n");
        var key = Files.writeString(dir.resolve("export-signing.pub"), signatures.publicKeyPem());
        var sig = Files.writeString(dir.resolve("journal.csv.sig"), "-----BEGIN PGP SIGNATURE-----\n");

        assertThat(run("--trusted-key", key, "--signature", sig, file)).isEqualTo(VerifyEvidence.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("not a signature file: " + sig)
                .contains("3 lines");

        err.reset();
        assertThat(run("--signature", sig, file)).isEqualTo(VerifyEvidence.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pass --trusted-key");
    }

    private int run(Object... args) {
        var strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        return VerifyEvidence.run(
                strings,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
