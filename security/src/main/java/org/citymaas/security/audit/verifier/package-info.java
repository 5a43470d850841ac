/**
 * The standalone offline verifier an auditor runs on an exported evidence bundle, with no database
 * and no server: {@code java -jar citymaas-audit-verifier.jar [--trusted-key published.pem]
 * bundle.zip}. It exits 0 when the chain verifies, 1 naming the first broken event and the kind of
 * break, 2 when the bundle or key cannot be read.
 */
package org.citymaas.security.audit.verifier;
