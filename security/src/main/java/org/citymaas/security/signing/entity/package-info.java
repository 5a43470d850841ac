/**
 * Detached signatures as values: a {@link org.citymaas.security.signing.entity.DetachedSignature} is
 * the small text file that travels next to a signed document (an export), and a
 * {@link org.citymaas.security.signing.entity.SignatureVerdict} says whether a document and its
 * signature file verify against a trusted public key.
 */
package org.citymaas.security.signing.entity;
