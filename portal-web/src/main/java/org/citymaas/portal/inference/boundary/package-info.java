/**
 * Governed inference: the steps every request that runs a model shares ({@code GovernedRequests}:
 * identify, authorize: the department's subscription, anything else is 404; validate once; mask; reserve
 * quota; run on the shared runtime; then settle, meter and audit in one transaction), the use cases on
 * them ({@code Inferences}: an answer, for every channel; {@code Explanations}: an answer and its
 * attribution), typed in and out, and their v2 REST face under {@code /api/v2} ({@code
 * InferenceResource}, the only user of the v2 codec, with our {@code /explain} extension). Every request,
 * accepted or refused, leaves one audit event.
 */
package org.citymaas.portal.inference.boundary;
