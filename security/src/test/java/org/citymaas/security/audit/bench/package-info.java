/**
 * The audit log's benchmarks, mains that print tables. {@code AuditBench}: sustained append rate with 1,
 * 4 and 16 concurrent writers (one event per transaction, and batches), and verification speed through
 * the API and offline ({@code ./mvnw -B -q -pl security -am -Paudit-bench -DskipTests verify}).
 * {@code SearchBench}: filtered first and deep pages over 1,000,000 events, and what the search indexes
 * cost an append ({@code ./mvnw -B -q -pl security -am -Psearch-bench -DskipTests verify}).
 */
package org.citymaas.security.audit.bench;
