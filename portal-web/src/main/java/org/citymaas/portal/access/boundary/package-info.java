/**
 * Access requests: a department's staff or tenant admin asks for a published catalog model with a justification,
 * a platform admin grants it (the subscription and its monthly quota through the subscriptions boundary, as any
 * grant) or refuses it with a reason. The justification and the reason are kept in {@code access_request} only; the
 * audit events of each step carry the request's id, the model and the outcome, never that text.
 */
package org.citymaas.portal.access.boundary;
