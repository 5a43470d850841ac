package org.citymaas.security.identity.entity;

import java.util.Optional;

/** The realm roles CityMaaS knows; every other Keycloak role is ignored. */
public enum Role {
    STAFF("staff"),
    TENANT_ADMIN("tenant-admin"),
    PLATFORM_ADMIN("platform-admin"),
    AUDITOR("auditor"),
    /** The city finance bureau: reads every department's statements and finance exports, changes nothing. */
    FINANCE("finance");

    public static final String STAFF_NAME = "staff";
    public static final String TENANT_ADMIN_NAME = "tenant-admin";
    public static final String PLATFORM_ADMIN_NAME = "platform-admin";
    public static final String AUDITOR_NAME = "auditor";
    public static final String FINANCE_NAME = "finance";

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The realm role's name in Keycloak and in the container. */
    public String roleName() {
        return roleName;
    }

    public static Optional<Role> of(String roleName) {
        for (var role : values()) {
            if (role.roleName.equals(roleName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
