package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A department's members through the API, checked in the real Keycloak; each test makes its own department. */
@ExtendWith(ArquillianExtension.class)
class MembersIT {

    private static final String PASSWORD = "Members-it-Pw-7";

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloak = new KeycloakAdmin(TestStack.start().keycloak());

    private String api() {
        return portal.toString().replaceAll("/$", "") + "/api/";
    }

    private String members(String department) {
        return api() + "v1/tenants/" + department + "/members";
    }

    private String freshDepartment() {
        return FreshDepartments.withAdmin(api(), "mem", keycloak, PASSWORD);
    }

    private static String adminToken(String department) {
        return TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
    }

    private static Map<String, Object> newMember(String username, String role) {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("email", username + "@city.example");
        body.put("name", "王测试");
        body.put("role", role);
        return body;
    }

    @Test
    void aMemberAddedPromotedAndRemovedIsSeenSoInKeycloak() {
        var department = freshDepartment();
        var token = adminToken(department);
        var username = department + "-m1";

        var added = Http.post(members(department), token, Http.json(newMember(username, "staff")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("temporaryPassword").asText()).hasSize(16);
        assertThat(added.json().at("/member/role").asText()).isEqualTo("staff");
        var user = keycloak.user(username);
        var userId = user.get("id").asText();
        assertThat(user.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(user.at("/attributes/tenant/0").asText()).isEqualTo(department);
        assertThat(keycloak.groupsOf(userId)).containsExactly("/departments/" + department);
        assertThat(keycloak.realmRolesOf(userId).findValuesAsText("name"))
                .contains("staff")
                .doesNotContain("tenant-admin");

        var promoted = Http.put(
                members(department) + "/" + username + "/role", token, Http.json(Map.of("role", "tenant-admin")));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(keycloak.realmRolesOf(userId).findValuesAsText("name")).contains("staff", "tenant-admin");

        var list = Http.get(members(department), token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("username")).containsExactly(department + "-admin", username);
        assertThat(list.json().findValuesAsText("role")).containsExactly("tenant-admin", "tenant-admin");
        // the admin signed in to get the token: an open session, so a last sign-in
        assertThat(list.json().get(0).path("lastSignIn").isTextual()).isTrue();
        assertThat(list.json().get(1).path("lastSignIn").isTextual()).isFalse();

        var removed = Http.delete(members(department) + "/" + username, token);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(keycloak.groupsOf(userId)).isEmpty();
        assertThat(keycloak.realmRolesOf(userId).findValuesAsText("name")).doesNotContain("staff", "tenant-admin");
        assertThat(keycloak.user(username).path("attributes").path("tenant").isMissingNode())
                .isTrue();
        assertThat(Http.get(members(department), token).json().findValuesAsText("username"))
                .containsExactly(department + "-admin");

        // the account stays in Keycloak: added back as an existing account, by its e-mail address
        var again = Http.post(
                members(department), token, Http.json(Map.of("existing", username + "@city.example", "role", "staff")));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("temporaryPassword").isTextual()).isFalse();
        assertThat(keycloak.groupsOf(userId)).containsExactly("/departments/" + department);

        // another department cannot take a member of this one
        var other = freshDepartment();
        var taken =
                Http.post(members(other), adminToken(other), Http.json(Map.of("existing", username, "role", "staff")));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
    }

    @Test
    void theLastTenantAdminCannotBeRemovedOrDemoted() {
        var department = freshDepartment();
        var token = adminToken(department);
        var admin = department + "-admin";

        var removed = Http.delete(members(department) + "/" + admin, token);
        assertThat(removed.status()).as(removed.body()).isEqualTo(409);
        assertThat(removed.body()).contains("last tenant admin");
        var demoted = Http.put(members(department) + "/" + admin + "/role", token, Http.json(Map.of("role", "staff")));
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(409);

        var adminId = keycloak.user(admin).get("id").asText();
        assertThat(keycloak.realmRolesOf(adminId).findValuesAsText("name")).contains("tenant-admin");
        assertThat(keycloak.groupsOf(adminId)).containsExactly("/departments/" + department);

        // with a second admin, the first may step down
        var second = department + "-m2";
        assertThat(Http.post(members(department), token, Http.json(newMember(second, "tenant-admin")))
                        .status())
                .isEqualTo(201);
        var stepDown = Http.put(members(department) + "/" + admin + "/role", token, Http.json(Map.of("role", "staff")));
        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(200);
        assertThat(keycloak.realmRolesOf(adminId).findValuesAsText("name")).doesNotContain("tenant-admin");
    }

    @Test
    void onlyTheDepartmentsOwnAdminsAndPlatformAdminsSeeItsMembers() {
        var department = freshDepartment();

        var foreign = Http.get(members(department), DemoTokens.userToken("transport-admin"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        var foreignAdd = Http.post(
                members(department),
                DemoTokens.userToken("transport-admin"),
                Http.json(newMember(department + "-x", "staff")));
        assertThat(foreignAdd.status()).as(foreignAdd.body()).isEqualTo(404);
        assertThat(keycloak.user(department + "-x").isMissingNode()).isTrue();

        var staff = Http.get(members("transport"), DemoTokens.userToken("transport-staff"));
        assertThat(staff.status()).as(staff.body()).isEqualTo(403);
        var system = Http.get(members("transport"), DemoTokens.serviceToken("transport"));
        assertThat(system.status()).as(system.body()).isEqualTo(403);

        var platform = Http.get(members(department), DemoTokens.userToken("platform-admin"));
        assertThat(platform.status()).as(platform.body()).isEqualTo(200);
        assertThat(platform.json().findValuesAsText("username")).containsExactly(department + "-admin");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingChanges() {
        var department = freshDepartment();
        var token = adminToken(department);

        var hostile = Http.post(members(department), token, Http.json(newMember(department + "-e\u202Eve", "staff")));
        assertThat(hostile.status()).as(hostile.body()).isEqualTo(400);
        assertThat(hostile.json().findValuesAsText("field")).contains("username");

        var longName = newMember(department + "-long", "staff");
        longName.put("name", "名".repeat(101));
        var tooLong = Http.post(members(department), token, Http.json(longName));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().findValuesAsText("field")).containsExactly("name");

        var unknownRole = Http.post(members(department), token, Http.json(newMember(department + "-root", "root")));
        assertThat(unknownRole.status()).as(unknownRole.body()).isEqualTo(400);
        assertThat(unknownRole.json().findValuesAsText("field")).containsExactly("role");

        var admin = department + "-admin";
        var badRole = Http.put(members(department) + "/" + admin + "/role", token, Http.json(Map.of("role", "owner")));
        assertThat(badRole.status()).as(badRole.body()).isEqualTo(400);
        assertThat(badRole.json().findValuesAsText("field")).containsExactly("role");

        var noName = newMember(department + "-noname", "staff");
        noName.remove("name");
        var missing = Http.post(members(department), token, Http.json(noName));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().findValuesAsText("field")).containsExactly("name");

        assertThat(keycloak.user(department + "-long").isMissingNode()).isTrue();
        assertThat(keycloak.user(department + "-root").isMissingNode()).isTrue();
        assertThat(keycloak.user(department + "-noname").isMissingNode()).isTrue();
        assertThat(Http.get(members(department), token).json().findValuesAsText("username"))
                .containsExactly(admin);
        assertThat(Http.get(members(department) + "/nobody", token).status()).isEqualTo(405);
        assertThat(Http.delete(members(department) + "/nobody-here", token).status())
                .isEqualTo(404);
    }
}
