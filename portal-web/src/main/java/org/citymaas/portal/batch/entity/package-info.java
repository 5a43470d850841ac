/**
 * The state of batch scoring: a job (one uploaded CSV file of a department, its progress and
 * outcome) and its lines (each line's cells, its request id, and its answer or refusal), and what a
 * retention run purged, as plain values; and their stored forms, the JPA entities
 * {@code BatchJobRecord} and {@code BatchRowRecord}, so that a job outlives the portal instance that
 * started it.
 */
package org.citymaas.portal.batch.entity;
