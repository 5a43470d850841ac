package org.citymaas.security.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;

/**
 * The offline verifier command: recomputes a bundle's chain and checks its signed checkpoints, or, with
 * {@code --signature}, checks a file (a finance export) against its detached signature.
 */
public final class VerifyEvidence {

    public static final int OK = 0;
    public static final int BROKEN = 1;
    public static final int UNREADABLE = 2;

    private static final String USAGE = "usage: verify-audit-evidence [--trusted-key PUBLIC_KEY.pem] BUNDLE.zip\n"
            + "       verify-audit-evidence --trusted-key PUBLIC_KEY.pem --signature FILE.sig FILE";

    private VerifyEvidence() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path trustedKeyFile = null;
        Path signatureFile = null;
        Path bundle = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trusted-key") && i + 1 < args.length) {
                trustedKeyFile = Path.of(args[++i]);
            } else if (args[i].equals("--signature") && i + 1 < args.length) {
                signatureFile = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return OK;
            } else if (bundle == null && !args[i].startsWith("--")) {
                bundle = Path.of(args[i]);
            } else {
                err.println(USAGE);
                return UNREADABLE;
            }
        }
        if (bundle == null || !Files.isRegularFile(bundle)) {
            err.println(bundle == null ? USAGE : "no such file: " + bundle);
            return UNREADABLE;
        }
        if (signatureFile != null) {
            return VerifyDetachedSignature.run(bundle, signatureFile, trustedKeyFile, out, err);
        }
        try (var reader = EvidenceBundle.open(bundle)) {
            PublicKey key;
            if (trustedKeyFile != null) {
                key = SigningKey.readPublicKey(trustedKeyFile);
            } else {
                key = SigningKey.parsePublicKey(reader.publicKeyPem());
                err.println("warning: trusting the public key inside the bundle, key id " + SigningKey.keyId(key)
                        + "; compare it with the published key or pass --trusted-key");
            }
            var verdict = new ChainVerifier(key)
                    .verify(reader.fromSeq(), reader.anchorHash(), reader.events(), reader.checkpoints());
            out.println(verdict);
            return verdict.ok() ? OK : BROKEN;
        } catch (IOException | AuditException | java.io.UncheckedIOException e) {
            err.println("cannot read " + bundle + ": " + e.getMessage());
            return UNREADABLE;
        }
    }
}
