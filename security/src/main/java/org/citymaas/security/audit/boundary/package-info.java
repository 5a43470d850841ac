/**
 * The audit log's public face for the portal and for auditors: {@code AuditLog} appends events (in
 * the caller's transaction or its own) and reads an actor's events back, {@code AuditCheckpoints}
 * signs the chain head on demand or from the portal's timer, publishes each checkpoint to a
 * {@code CheckpointSink} outside the database, keeps the key history and rotates the key,
 * {@code AuditEvidence} verifies ranges and exports evidence bundles (also for a range, tied to the
 * signed checkpoints around it), {@code AuditExports} exports exactly a search's events as CSV or JSON
 * Lines with a signed manifest. Plain classes with constructor
 * injection; the portal supplies the DataSource.
 */
package org.citymaas.security.audit.boundary;
