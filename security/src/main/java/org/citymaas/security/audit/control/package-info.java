/**
 * How the audit log works: the canonical form that is hashed and signed, the JDBC append that
 * extends the chain under a database lock (so several threads and several portal instances never
 * fork it), the Ed25519 signing key kept in files outside the database with its history, the verifier
 * that recomputes the chain and names the first break (also against a checkpoint published outside
 * the database), the write-once checkpoint files and the evidence bundle auditors verify offline.
 */
package org.citymaas.security.audit.control;
