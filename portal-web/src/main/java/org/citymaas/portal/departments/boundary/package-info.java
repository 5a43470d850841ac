/**
 * The departments use case that spans modules: a department's row (tenant-core) and its Keycloak side
 * (security) created together, and the /api/v1/tenants resource.
 */
package org.citymaas.portal.departments.boundary;
