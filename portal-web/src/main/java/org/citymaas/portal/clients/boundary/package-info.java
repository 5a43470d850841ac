/**
 * A department's API clients in Keycloak (list, create, rotate a secret with an optional grace period for the old
 * one, end that grace early, disable, enable), every change audited, and
 * the /api/v1/tenants/{id}/clients resource.
 */
package org.citymaas.portal.clients.boundary;
