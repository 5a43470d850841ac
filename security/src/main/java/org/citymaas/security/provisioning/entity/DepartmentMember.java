package org.citymaas.security.provisioning.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A person of a department as Keycloak holds them.
 *
 * @param userId the Keycloak user id
 * @param username the user name
 * @param email the e-mail address, or null
 * @param displayName first and last name as Keycloak holds them (may be empty)
 * @param role staff or tenant admin
 * @param enabled whether Keycloak lets the account sign in
 * @param lastSignIn the start of the newest of the user's open Keycloak sessions, or null when none is open
 */
public record DepartmentMember(
        String userId,
        String username,
        String email,
        String displayName,
        MemberRole role,
        boolean enabled,
        Instant lastSignIn) {

    public Optional<Instant> lastSignInTime() {
        return Optional.ofNullable(lastSignIn);
    }
}
