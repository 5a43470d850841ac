package org.citymaas.portal.members.boundary;

import java.time.Instant;
import org.citymaas.security.provisioning.entity.DepartmentMember;

/**
 * A member as the API shows them.
 *
 * @param lastSignIn the start of the newest open Keycloak session, or null when none is open
 */
public record MemberView(String username, String email, String name, String role, boolean enabled, Instant lastSignIn) {

    public static MemberView of(DepartmentMember member) {
        return new MemberView(
                member.username(),
                member.email(),
                member.displayName(),
                member.role().wireName(),
                member.enabled(),
                member.lastSignIn());
    }
}
