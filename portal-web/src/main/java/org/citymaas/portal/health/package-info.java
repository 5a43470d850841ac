/** Readiness checks of what the portal cannot work without: PostgreSQL and Keycloak. */
package org.citymaas.portal.health;
