/**
 * A department's members in Keycloak (list, add a new or an existing person, change the role, remove), every change
 * audited and the last tenant admin kept, and the /api/v1/tenants/{id}/members resource.
 */
package org.citymaas.portal.members.boundary;
