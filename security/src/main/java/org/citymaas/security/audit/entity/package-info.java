/**
 * The audit log's values: the event a caller records ({@link org.citymaas.security.audit.entity.AuditEvent}),
 * the event as it sits in the hash chain, signed checkpoints of the chain head and the verdicts of a
 * verification. Plain records with no persistence annotations: the log is written with plain JDBC so
 * that it joins the caller's transaction.
 */
package org.citymaas.security.audit.entity;
