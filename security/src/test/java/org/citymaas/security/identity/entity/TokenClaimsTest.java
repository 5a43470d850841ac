package org.citymaas.security.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void aPersonsTokenGivesTheirDepartmentRolesAndChineseName() {
        var caller = new TokenClaims(Map.of(
                        "sub", "42",
                        "preferred_username", "transport-staff",
                        "name", "芳 王",
                        "given_name", "芳",
                        "family_name", "王",
                        "tenant", "transport",
                        "realm_access", Map.of("roles", List.of("staff", "default-roles-citymaas", "offline_access"))))
                .caller();

        assertThat(caller.kind()).isEqualTo(CallerKind.USER);
        assertThat(caller.name()).isEqualTo("transport-staff");
        assertThat(caller.displayName()).isEqualTo("王芳");
        assertThat(caller.department()).contains(new TenantId("transport"));
        assertThat(caller.roles()).containsExactly(Role.STAFF);
    }

    @Test
    void aServiceAccountIsNamedByItsClient() {
        var caller = new TokenClaims(Map.of(
                        "sub", "7",
                        "preferred_username", "service-account-hotline-api",
                        "client_id", "hotline-api",
                        "tenant", "hotline",
                        "realm_access", Map.of("roles", List.of("staff"))))
                .caller();

        assertThat(caller.kind()).isEqualTo(CallerKind.SERVICE);
        assertThat(caller.name()).isEqualTo("hotline-api");
        assertThat(caller.department()).contains(new TenantId("hotline"));
    }

    @Test
    void aCallerWithoutTenantClaimHasNoDepartmentAndUnknownRolesAreIgnored() {
        var caller = new TokenClaims(Map.of(
                        "sub", "1",
                        "preferred_username", "platform-admin",
                        "name", "Platform Admin",
                        "realm_access", Map.of("roles", List.of("platform-admin", "uma_authorization"))))
                .caller();

        assertThat(caller.department()).isEmpty();
        assertThat(caller.displayName()).isEqualTo("Platform Admin");
        assertThat(caller.roles()).containsExactly(Role.PLATFORM_ADMIN);
    }
}
