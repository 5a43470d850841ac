package org.citymaas.portal.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.citymaas.portal.members.boundary.NewMember;
import org.junit.jupiter.api.Test;

class NewMemberPatternsTest {

    private static boolean matches(String pattern, String text) {
        return text.matches(pattern);
    }

    @Test
    void anExistingAccountIsNamedByUserNameOrEMail() {
        var existing = NewMember.Patterns.EXISTING;
        assertThat(matches(existing, "transport-staff")).isTrue();
        assertThat(matches(existing, "li.ming@city.example")).isTrue();
        assertThat(matches(existing, "ab")).isFalse();
        assertThat(matches(existing, "Li Ming")).isFalse();
        assertThat(matches(existing, "a@b")).isFalse();
        assertThat(matches(existing, "x".repeat(250) + "@city.example")).isFalse();
    }

    @Test
    void theRoleIsStaffOrTenantAdminOnly() {
        var role = NewMember.Patterns.ROLE;
        assertThat(matches(role, "staff")).isTrue();
        assertThat(matches(role, "tenant-admin")).isTrue();
        assertThat(matches(role, "platform-admin")).isFalse();
        assertThat(matches(role, "Staff")).isFalse();
        assertThat(matches(role, "staff ")).isFalse();
    }
}
