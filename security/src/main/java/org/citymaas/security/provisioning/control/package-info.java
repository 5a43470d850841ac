/** keycloak-admin-client on Payara's Jersey client: the one place that imports org.keycloak. */
package org.citymaas.security.provisioning.control;
