/**
 * Signs documents the portal hands out (the finance exports) with a key of their own, kept like the
 * audit key: {@code DocumentSignatures} makes detached Ed25519 signatures and publishes its public key.
 */
package org.citymaas.security.signing.boundary;
