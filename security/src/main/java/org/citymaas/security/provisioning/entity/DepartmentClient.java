package org.citymaas.security.provisioning.entity;

/**
 * A department's API client: a confidential Keycloak client whose service account belongs to the department.
 *
 * @param clientId the client id, e.g. {@code transport-api}
 * @param name the client's name in Keycloak
 * @param purpose what it is for (Keycloak's description), or null
 * @param enabled whether Keycloak issues it tokens
 */
public record DepartmentClient(String clientId, String name, String purpose, boolean enabled) {}
