package org.citymaas.security.provisioning.entity;

import java.util.Optional;
import org.citymaas.security.identity.entity.Role;

/** What a person is in their department: staff, or a tenant admin (who is staff too). */
public enum MemberRole {
    STAFF("staff"),
    TENANT_ADMIN("tenant-admin");

    private final String wireName;

    MemberRole(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API and the pages use, the same as the realm role's. */
    public String wireName() {
        return wireName;
    }

    /** The realm roles a member of this kind holds. */
    public Role[] realmRoles() {
        return this == TENANT_ADMIN ? new Role[] {Role.TENANT_ADMIN, Role.STAFF} : new Role[] {Role.STAFF};
    }

    public static Optional<MemberRole> of(String wireName) {
        for (var role : values()) {
            if (role.wireName.equals(wireName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
