package org.citymaas.security.provisioning.entity;

import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What Keycloak needs to know of a new department.
 *
 * @param tenant the department
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param adminUsername the user name of its first tenant admin
 * @param adminEmail the admin's e-mail address
 * @param adminDisplayName the admin's name as people read it
 */
public record DepartmentAccount(
        TenantId tenant,
        String nameZh,
        String nameEn,
        String adminUsername,
        String adminEmail,
        String adminDisplayName) {

    public DepartmentAccount {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(adminUsername, "adminUsername");
    }

    /** The client id of the department's service account for its systems' API calls. */
    public String apiClientId() {
        return tenant + "-api";
    }

    /** The Keycloak group of the department. */
    public String groupPath() {
        return "/departments/" + tenant;
    }
}
