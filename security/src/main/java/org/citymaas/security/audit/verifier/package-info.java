/**
 * The standalone offline verifier an auditor runs with no database and no server. On an exported
 * evidence bundle: {@code java -jar citymaas-audit-verifier.jar [--trusted-key published.pem]...
 * [--trusted-keys KEY_DIRECTORY] [--published CHECKPOINT_DIRECTORY] bundle.zip} exits 0 when the chain
 * verifies (and reaches the latest published checkpoint), 1 naming the first broken event and the kind
 * of break, 2 when the bundle, a key or the published checkpoints cannot be read. On an export of
 * audit events (an export archive, or {@code --manifest manifest.json audit-events.jsonl}) with {@code
 * --trusted-key} or {@code --trusted-keys}: exits 0 when the manifest is signed by a trusted key and the
 * file matches it, 1 naming every problem. On a signed file (a
 * finance export): {@code java -jar citymaas-audit-verifier.jar --trusted-key export-signing.pub
 * --signature FILE.sig FILE} exits 0 when the signature verifies, 1 when it does not, 2 when a file, the
 * signature or the key cannot be read.
 */
package org.citymaas.security.audit.verifier;
