package org.citymaas.security.audit.entity;

import java.time.Instant;

/**
 * A rotation of the audit signing key: checkpoints from now on are signed by {@code keyId}; the
 * previous public key stays in the key history so that what it signed still verifies.
 *
 * @param previousKeyId lowercase hex SHA-256 of the replaced public key
 * @param keyId lowercase hex SHA-256 of the new public key
 */
public record KeyRotation(String previousKeyId, String keyId, Instant rotatedAt) {}
