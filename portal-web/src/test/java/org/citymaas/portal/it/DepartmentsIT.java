package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Creating departments through the API: the row and its Keycloak side, all or nothing. */
@ExtendWith(ArquillianExtension.class)
class DepartmentsIT {

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloakAdmin =
            new KeycloakAdmin(TestStack.start().keycloak());

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private static String newSlug() {
        return "parks-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> department(String slug) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", slug);
        body.put("nameZh", "园林绿化局");
        body.put("nameEn", "Parks Bureau");
        body.put("adminUsername", slug + "-admin");
        body.put("adminEmail", slug + "-admin@city.example");
        body.put("adminName", "李园林");
        return body;
    }

    @Test
    void aPlatformAdminCreatesADepartmentWithItsKeycloakSide() {
        var slug = newSlug();

        var answer = Http.post(api("v1/tenants"), DemoTokens.userToken("platform-admin"), Http.json(department(slug)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var created = answer.json();
        assertThat(created.at("/department/id").asText()).isEqualTo(slug);
        assertThat(created.at("/department/status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("apiClientId").asText()).isEqualTo(slug + "-api");
        assertThat(created.get("adminTemporaryPassword").asText()).hasSizeGreaterThanOrEqualTo(12);

        var group = keycloakAdmin.departmentGroup(slug);
        assertThat(group.path("path").asText()).isEqualTo("/departments/" + slug);
        assertThat(group.at("/attributes/tenant/0").asText()).isEqualTo(slug);

        var admin = keycloakAdmin.user(slug + "-admin");
        assertThat(admin.path("attributes").path("tenant").path(0).asText()).isEqualTo(slug);
        assertThat(admin.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(keycloakAdmin.realmRolesOf(admin.get("id").asText()).findValuesAsText("name"))
                .contains("tenant-admin", "staff");

        var client = keycloakAdmin.client(slug + "-api");
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();

        // the new department's systems can call the API at once, as that department
        var serviceToken = TestStack.start()
                .keycloak()
                .clientCredentialsToken(
                        slug + "-api", created.get("apiClientSecret").asText());
        var me = Http.get(api("v1/me"), serviceToken);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().at("/department/id").asText()).isEqualTo(slug);
        assertThat(me.json().at("/department/nameZh").asText()).isEqualTo("园林绿化局");

        var listed = Http.get(api("v1/tenants/" + slug), DemoTokens.userToken("platform-admin"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("apiClientId").asText()).isEqualTo(slug + "-api");

        // the first admin is recorded as a member of the new department (Hibernate's tenant
        // discriminator, mapped in the portal's orm.xml, fills the row's department)
        assertThat(memberDepartments(slug + "-admin")).containsExactly(slug);
    }

    private static List<String> memberDepartments(String username) {
        try (var connection = TestStack.start().database().ownerDataSource().getConnection();
                var query = connection.prepareStatement("SELECT tenant_id FROM member WHERE username = ?")) {
            query.setString(1, username);
            try (var result = query.executeQuery()) {
                var departments = new ArrayList<String>();
                while (result.next()) {
                    departments.add(result.getString(1));
                }
                return departments;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDuplicateIdIsAnswered409AndChangesNothing() {
        var answer = Http.post(
                api("v1/tenants"), DemoTokens.userToken("platform-admin"), Http.json(department("transport")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("transport");
        assertThat(keycloakAdmin
                        .user("transport-admin")
                        .path("attributes")
                        .path("tenant")
                        .path(0)
                        .asText())
                .isEqualTo("transport");
    }

    @Test
    void whenKeycloakFailsHalfwayNothingIsLeftHalfMade() {
        var slug = newSlug();
        // someone already made a client of that name by hand: the third step will fail
        keycloakAdmin.createClient(slug + "-api");

        var answer = Http.post(api("v1/tenants"), DemoTokens.userToken("platform-admin"), Http.json(department(slug)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        var problem = answer.json();
        assertThat(problem.get("failedStep").asText()).isEqualTo("API_CLIENT");
        assertThat(problem.get("compensated")).extracting(n -> n.asText()).containsExactly("ADMIN_USER", "GROUP");
        assertThat(problem.get("detail").asText()).contains("undone");
        assertThat(keycloakAdmin.departmentGroup(slug).isMissingNode()).isTrue();
        assertThat(keycloakAdmin.user(slug + "-admin").isMissingNode()).isTrue();
        assertThat(Http.get(api("v1/tenants/" + slug), DemoTokens.userToken("platform-admin"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void invalidInputIsAnswered400NamingTheFieldsAndChangesNothing() {
        var body = department("Bad Slug!");
        body.put("adminUsername", "bad-slug-admin");
        body.put("adminEmail", "not-an-address");
        body.put("nameZh", "  ");

        var answer = Http.post(api("v1/tenants"), DemoTokens.userToken("platform-admin"), Http.json(body));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("adminEmail", "id", "nameZh");
        assertThat(answer.body()).contains("must be an e-mail address").doesNotContain("{citymaas");
        assertThat(keycloakAdmin.user("bad-slug-admin").isMissingNode()).isTrue();
    }

    @Test
    void malformedJsonIsAnswered400() {
        var answer = Http.post(api("v1/tenants"), DemoTokens.userToken("platform-admin"), "{\"id\": ");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyPlatformAdminsCreateDepartments() {
        var answer =
                Http.post(api("v1/tenants"), DemoTokens.userToken("transport-admin"), Http.json(department(newSlug())));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aTenantAdminSeesOnlyTheirOwnDepartment() {
        var token = DemoTokens.userToken("transport-admin");

        var list = Http.get(api("v1/tenants"), token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id")).containsExactly("transport");
        assertThat(Http.get(api("v1/tenants/transport"), token).status()).isEqualTo(200);
        assertThat(Http.get(api("v1/tenants/education"), token).status()).isEqualTo(404);
    }

    @Test
    void aPlatformAdminSeesEveryDepartment() {
        var list = Http.get(api("v1/tenants"), DemoTokens.userToken("platform-admin"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id"))
                .contains("transport", "education", "health", "environment", "hotline");
        assertThat(list.json().findValuesAsText("nameZh")).contains("交通运输局", "12345市民服务热线");
    }
}
