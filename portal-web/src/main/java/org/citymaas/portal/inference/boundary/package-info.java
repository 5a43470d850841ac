/**
 * Governed inference: the use case {@code Inferences} (identify, authorize: the department's
 * subscription, anything else is 404; validate once; mask; reserve quota; run on the shared runtime;
 * then settle, meter and audit in one transaction; answer) for every channel, typed in and out, and
 * its v2 REST face under {@code /api/v2} ({@code InferenceResource}, the only user of the v2 codec).
 * Every request, accepted or refused, leaves one audit event.
 */
package org.citymaas.portal.inference.boundary;
