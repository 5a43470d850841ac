package org.citymaas.security.provisioning.entity;

/**
 * What was created in Keycloak for a department. The secrets are shown once, to the platform admin
 * who created the department, and stored nowhere in CityMaaS.
 *
 * @param groupId the Keycloak id of the group {@code /departments/<slug>}
 * @param adminUserId the Keycloak id of the first tenant admin
 * @param adminUsername that admin's user name
 * @param adminTemporaryPassword the admin's first password, to be changed at first sign-in
 * @param apiClientId the client id of the department's service account
 * @param apiClientSecret its client secret
 */
public record ProvisionedDepartment(
        String groupId,
        String adminUserId,
        String adminUsername,
        String adminTemporaryPassword,
        String apiClientId,
        String apiClientSecret) {}
