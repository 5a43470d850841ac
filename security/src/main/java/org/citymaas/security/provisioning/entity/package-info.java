/** What provisioning a department in Keycloak takes and gives. */
package org.citymaas.security.provisioning.entity;
