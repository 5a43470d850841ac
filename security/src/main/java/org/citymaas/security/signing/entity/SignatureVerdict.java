package org.citymaas.security.signing.entity;

import java.util.Objects;

/**
 * Whether a document verified against its detached signature and a trusted key.
 *
 * @param valid true when the signature is the trusted key's signature of the document's exact bytes
 * @param reason what was found, for people
 */
public record SignatureVerdict(boolean valid, String reason) {

    public SignatureVerdict {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code OK: ...} or {@code BROKEN: ...}, as the verifier prints it. */
    @Override
    public String toString() {
        return (valid ? "OK: " : "BROKEN: ") + reason;
    }
}
