package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API's sign-in: Bearer tokens of service accounts and users, and what happens without one. */
@ExtendWith(ArquillianExtension.class)
class ApiSignInIT {

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void aDepartmentsServiceAccountSeesItselfWithItsDepartment() {
        var answer = Http.get(api("v1/me"), DemoTokens.serviceToken("transport"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var me = answer.json();
        assertThat(me.get("name").asText()).isEqualTo("transport-api");
        assertThat(me.get("kind").asText()).isEqualTo("SERVICE");
        assertThat(me.at("/department/id").asText()).isEqualTo("transport");
        assertThat(me.at("/department/nameZh").asText()).isEqualTo("交通运输局");
        assertThat(me.at("/department/nameEn").asText()).isEqualTo("Transport Bureau");
        assertThat(me.get("roles")).extracting(n -> n.asText()).containsExactly("staff");
    }

    @Test
    void aPersonsTokenGivesTheSameCallerModel() {
        var answer = Http.get(api("v1/me"), DemoTokens.userToken("education-admin"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var me = answer.json();
        assertThat(me.get("name").asText()).isEqualTo("education-admin");
        assertThat(me.get("kind").asText()).isEqualTo("USER");
        assertThat(me.at("/department/nameZh").asText()).isEqualTo("教育局");
        assertThat(me.get("roles")).extracting(n -> n.asText()).containsExactlyInAnyOrder("staff", "tenant-admin");
    }

    @Test
    void aPlatformAdminHasNoDepartment() {
        var me = Http.get(api("v1/me"), DemoTokens.userToken("platform-admin")).json();

        assertThat(me.hasNonNull("department")).isFalse();
        assertThat(me.get("roles")).extracting(n -> n.asText()).containsExactly("platform-admin");
    }

    @Test
    void noTokenIsAnswered401WithProblemDetails() {
        var answer = Http.get(api("v1/me"), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(401);
        assertThat(answer.json().get("detail").asText()).contains("Bearer");
    }

    @Test
    void aTamperedTokenIsAnswered401() {
        var token = DemoTokens.serviceToken("transport");
        var parts = token.split("\\.");
        var payload = new String(
                        java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"transport\"", "\"health\"");
        var forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        var answer = Http.get(api("v1/me"), forged);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceIsAnswered401() {
        // the provisioner's token is meant for Keycloak's admin API, not for CityMaaS
        var token = TestStack.start()
                .keycloak()
                .clientCredentialsToken(KeycloakDemoRealm.PROVISIONER_CLIENT, KeycloakDemoRealm.PROVISIONER_SECRET);

        assertThat(Http.get(api("v1/me"), token).status()).isEqualTo(401);
    }

    @Test
    void garbageInsteadOfATokenIsAnswered401() {
        assertThat(Http.get(api("v1/me"), "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void aRoleThatIsNotAllowedIsAnswered403() {
        var answer = Http.get(api("v1/tenants"), DemoTokens.userToken("transport-staff"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthIsReadyWhenDatabaseAndKeycloakAnswer() {
        var root = portal.getProtocol() + "://" + portal.getHost() + ":" + portal.getPort();
        var answer = Http.get(root + "/health/ready", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body())
                .contains("\"database\"")
                .contains("\"keycloak\"")
                .contains("\"UP\"");
    }

    @Test
    void openApiDescribesTheManagementApi() {
        var root = portal.getProtocol() + "://" + portal.getHost() + ":" + portal.getPort();
        var answer = Http.get(root + "/openapi", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains("/api/v1/me")
                .contains("/api/v1/tenants")
                .contains("/api/v1/billing/statements")
                .contains("/api/v1/billing/exports");
    }
}
