/**
 * The portal's side of the tamper-evident audit log: one {@code AuditTrail} that every request path
 * and administrative change writes through (rejections included: 401 from sign-in, 403 from role
 * checks), the timer that signs checkpoints, and what auditors do with the log, for the API and the
 * auditor pages alike: search, export, bundles, verification, an event's detail and the checkpoints
 * (each read itself audited), and their saved searches.
 */
package org.citymaas.portal.audit.boundary;
