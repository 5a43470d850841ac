package org.citymaas.security.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.signing.control.DetachedSignatureCheck;
import org.citymaas.security.signing.entity.DetachedSignature;
import org.citymaas.security.signing.entity.MalformedSignatureException;

/**
 * The verifier's check of a file against its detached signature ({@code FILE.sig}) and a trusted public
 * key: exit 0 and {@code OK: ...} when it verifies, 1 and {@code BROKEN: ...} when it does not, 2 when
 * the file, the signature file or the key cannot be read.
 */
final class VerifyDetachedSignature {

    private VerifyDetachedSignature() {}

    static int run(Path file, Path signatureFile, Path trustedKeyFile, PrintStream out, PrintStream err) {
        if (trustedKeyFile == null) {
            err.println("a detached signature names its key but does not carry it: pass --trusted-key with the"
                    + " published public key (export-signing.pub)");
            return VerifyEvidence.UNREADABLE;
        }
        DetachedSignature signature;
        try {
            signature = DetachedSignature.parse(Files.readString(signatureFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            err.println("cannot read the signature file " + signatureFile + ": " + e);
            return VerifyEvidence.UNREADABLE;
        } catch (MalformedSignatureException e) {
            err.println("not a signature file: " + signatureFile + ": " + e.getMessage());
            return VerifyEvidence.UNREADABLE;
        }
        try {
            var key = SigningKey.readPublicKey(trustedKeyFile);
            var verdict = DetachedSignatureCheck.verify(Files.readAllBytes(file), signature, key);
            (verdict.valid() ? out : err).println(verdict + " (" + file.getFileName() + ")");
            return verdict.valid() ? VerifyEvidence.OK : VerifyEvidence.BROKEN;
        } catch (IOException | AuditException e) {
            err.println("cannot read " + file + " or the key " + trustedKeyFile + ": " + e.getMessage());
            return VerifyEvidence.UNREADABLE;
        }
    }
}
