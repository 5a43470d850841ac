package org.citymaas.security.identity.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Whoever makes the current request, the same for a browser session and an API Bearer token: the
 * rest of CityMaaS sees only this.
 *
 * @param subject Keycloak's stable subject id
 * @param name the user name (or the service account's client id)
 * @param displayName a readable name
 * @param kind a person or a department's system
 * @param tenant the department from the {@code tenant} claim, null for platform-wide callers
 * @param roles the CityMaaS realm roles
 */
public record Caller(
        String subject, String name, String displayName, CallerKind kind, TenantId tenant, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
    }

    public Optional<TenantId> department() {
        return Optional.ofNullable(tenant);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
