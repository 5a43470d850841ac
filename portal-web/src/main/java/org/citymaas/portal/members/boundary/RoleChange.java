package org.citymaas.portal.members.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A member's new role.
 *
 * @param role {@code staff} or {@code tenant-admin}
 */
public record RoleChange(
        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = NewMember.Patterns.ROLE, message = "{citymaas.member.role}")
        String role) {}
