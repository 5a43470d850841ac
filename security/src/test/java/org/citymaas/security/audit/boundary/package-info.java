/**
 * Integration tests of the audit log against a real PostgreSQL migrated by Flyway: appending,
 * grants, durability, checkpoints, concurrent writers and two portal instances, and every way an
 * insider with database access could tamper, named by the API and by the offline verifier.
 */
package org.citymaas.security.audit.boundary;
