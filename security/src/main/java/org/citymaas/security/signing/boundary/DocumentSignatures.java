package org.citymaas.security.signing.boundary;

import java.nio.file.Path;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.signing.control.DetachedSignatureCheck;
import org.citymaas.security.signing.entity.DetachedSignature;
import org.citymaas.security.signing.entity.SignatureVerdict;

/**
 * Detached Ed25519 signatures for the documents the portal hands out, by a key of their own kept like
 * the audit key: {@code export-signing.key} and {@code export-signing.pub} in the key directory,
 * created at first use under a file lock. Auditors verify a file with its {@code .sig} and the
 * published public key offline ({@code citymaas-audit-verifier.jar --trusted-key ... --signature ...}).
 */
public final class DocumentSignatures {

    /** The exports' key, beside the audit key ({@code audit-signing}) in the same directory. */
    public static final String EXPORT_KEY_NAME = "export-signing";

    private final SigningKey key;

    /** Signs with the exports' key in {@code keyDirectory}, creating it if it is not there. */
    public DocumentSignatures(Path keyDirectory) {
        this(keyDirectory, EXPORT_KEY_NAME);
    }

    /** Signs with the key {@code keyName} ({@code <keyName>.key}, {@code .pub}) in {@code keyDirectory}. */
    public DocumentSignatures(Path keyDirectory, String keyName) {
        this.key = SigningKey.loadOrCreate(keyDirectory, keyName);
    }

    /** The detached signature of exactly {@code document}; write {@link DetachedSignature#bytes()} next to it. */
    public DetachedSignature sign(byte[] document) {
        return new DetachedSignature(key.keyId(), key.sign(document));
    }

    /** The public key as PEM text, the form to publish. */
    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    /** Lowercase hex SHA-256 of the public key's X.509 encoding, as the signatures name it. */
    public String keyId() {
        return key.keyId();
    }

    /**
     * Whether {@code signatureFile} (a signature file's text) is the signature of exactly {@code document}
     * by the key {@code publicKeyPem}: the offline verifier's check.
     *
     * @throws org.citymaas.security.signing.entity.MalformedSignatureException when the signature file
     *     is not in the documented form
     * @throws org.citymaas.security.audit.entity.AuditException when the PEM is not an Ed25519 public key
     */
    public static SignatureVerdict verify(byte[] document, String signatureFile, String publicKeyPem) {
        return DetachedSignatureCheck.verify(
                document, DetachedSignature.parse(signatureFile), SigningKey.parsePublicKey(publicKeyPem));
    }
}
