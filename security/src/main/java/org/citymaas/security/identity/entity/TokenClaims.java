package org.citymaas.security.identity.entity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The claims of a verified Keycloak token (access or ID token) and the {@link Caller} they describe.
 * Works on a plain map so the browser session's tokens and the API's Bearer tokens read alike.
 */
public record TokenClaims(Map<String, Object> claims) {

    public TokenClaims {
        claims = Map.copyOf(claims.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public String string(String name) {
        var value = claims.get(name);
        return value == null ? null : value.toString();
    }

    /** The CityMaaS roles in {@code realm_access.roles}. */
    public Set<Role> roles() {
        var roles = new LinkedHashSet<Role>();
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            names.forEach(name -> Role.of(String.valueOf(name)).ifPresent(roles::add));
        }
        return roles;
    }

    /** The realm role names, as the container should know them. */
    public Set<String> roleNames() {
        var names = new LinkedHashSet<String>();
        roles().forEach(role -> names.add(role.roleName()));
        return names;
    }

    /**
     * A person's name as people read it: Chinese names family name first and without a space
     * (Keycloak's {@code name} claim puts the given name first).
     */
    private String displayName() {
        var family = string("family_name");
        var given = string("given_name");
        if (family != null && given != null && (isHan(family) || isHan(given))) {
            return family + given;
        }
        return string("name");
    }

    private static boolean isHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * The caller: a service account when Keycloak marks the user name {@code service-account-*} (its
     * name is then the client id), a person otherwise.
     */
    public Caller caller() {
        var username = string("preferred_username");
        var clientId = string("client_id") != null ? string("client_id") : string("azp");
        var service = username != null && username.startsWith("service-account-");
        var name = service ? clientId : (username != null ? username : string("sub"));
        var tenant = string("tenant");
        return new Caller(
                string("sub"),
                name,
                service ? name : displayName(),
                service ? CallerKind.SERVICE : CallerKind.USER,
                TenantId.isValid(tenant) ? new TenantId(tenant) : null,
                roles());
    }
}
