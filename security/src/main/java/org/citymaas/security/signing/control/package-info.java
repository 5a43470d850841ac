/**
 * Checks a document's bytes against its detached signature and a trusted public key, for the boundary
 * and for the offline verifier command.
 */
package org.citymaas.security.signing.control;
