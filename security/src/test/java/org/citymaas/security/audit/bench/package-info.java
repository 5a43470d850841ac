/**
 * The audit log benchmark, a main that prints a table: sustained append rate with 1, 4 and 16
 * concurrent writers (one event per transaction, and batches), and verification speed through the
 * API and offline. Run with {@code ./mvnw -B -q -pl security -am -Paudit-bench -DskipTests verify}.
 */
package org.citymaas.security.audit.bench;
