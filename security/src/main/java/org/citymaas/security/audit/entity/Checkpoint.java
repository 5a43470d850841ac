package org.citymaas.security.audit.entity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The chain head at {@code seq}, signed with the platform's Ed25519 key.
 *
 * @param keyId lowercase hex SHA-256 of the signing public key's X.509 encoding
 * @param signature Base64 Ed25519 signature over the checkpoint's canonical form
 */
public record Checkpoint(long seq, String headHash, Instant signedAt, String keyId, String signature) {

    public Checkpoint {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
