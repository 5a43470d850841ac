/**
 * The portal's side of the tamper-evident audit log: one {@code AuditTrail} that every request path
 * and administrative change writes through (rejections included: 401 from sign-in, 403 from role
 * checks), the timer that signs checkpoints, and the auditors' API to verify the chain and fetch the
 * public key.
 */
package org.citymaas.portal.audit.boundary;
