package org.citymaas.portal.audit.boundary;

import java.time.Instant;

/**
 * A signed checkpoint of the audit chain.
 *
 * @param seq the last event it covers
 * @param headHash that event's hash
 * @param signedAt when it was signed
 * @param keyId SHA-256 of the public key that signed it
 */
public record CheckpointView(long seq, String headHash, Instant signedAt, String keyId) {}
