package org.citymaas.security.provisioning.entity;

/** The steps of a department's provisioning in Keycloak, in order. */
public enum ProvisioningStep {
    GROUP,
    ADMIN_USER,
    API_CLIENT
}
