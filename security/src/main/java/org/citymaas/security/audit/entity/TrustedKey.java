package org.citymaas.security.audit.entity;

/**
 * A public key that has signed audit checkpoints, as auditors see it.
 *
 * @param keyId the key's id (the SHA-256 fingerprint of the public key), as the checkpoints name it
 * @param pem the public key as a PEM block, what a verifier trusts
 */
public record TrustedKey(String keyId, String pem) {}
