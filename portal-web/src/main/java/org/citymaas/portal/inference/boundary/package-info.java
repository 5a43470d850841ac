/**
 * Governed inference under {@code /api/v2} in the Open Inference Protocol (v2) REST shape: identify,
 * authorize (the department's subscription; anything else is 404), validate, mask, reserve quota,
 * run on the shared runtime, then settle, meter and audit in one transaction, and answer. Every
 * request, accepted or rejected, leaves one audit event.
 */
package org.citymaas.portal.inference.boundary;
