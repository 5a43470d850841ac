/**
 * The departments' side in Keycloak (group, first tenant admin, service account), created as one
 * all-or-nothing step through keycloak-admin-client.
 */
package org.citymaas.security.provisioning.boundary;
