package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A department's API clients through the API, checked against the real Keycloak's token endpoint. */
@ExtendWith(ArquillianExtension.class)
class ClientsIT {

    private static final String PASSWORD = "Clients-it-Pw-7";

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloak = new KeycloakAdmin(TestStack.start().keycloak());

    private String api() {
        return portal.toString().replaceAll("/$", "") + "/api/";
    }

    private String clients(String department) {
        return api() + "v1/tenants/" + department + "/clients";
    }

    private String freshDepartment() {
        return FreshDepartments.withAdmin(api(), "cli", keycloak, PASSWORD);
    }

    private static String adminToken(String department) {
        return TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
    }

    /** Keycloak's token endpoint's answer to a client credentials grant: status and body. */
    static HttpResponse<String> tokenAnswer(String clientId, String secret) {
        var form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(
                        URI.create(TestStack.start().keycloak().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Keycloak's token endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aNewClientActsForTheDepartmentAndARotationStopsTheOldSecretAtOnce() {
        var department = freshDepartment();
        var token = adminToken(department);

        var listed = Http.get(clients(department), token);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("clientId")).containsExactly(department + "-api");

        var created = Http.post(
                clients(department), token, Http.json(Map.of("name", "sync", "purpose", "夜间同步 / nightly sync")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var clientId = department + "-sync";
        assertThat(created.json().at("/client/clientId").asText()).isEqualTo(clientId);
        var first = created.json().get("secret").asText();
        assertThat(first).isNotBlank();
        assertThat(keycloak.client(clientId).path("description").asText()).isEqualTo("夜间同步 / nightly sync");

        // its tokens act for the department
        var systemToken = TestStack.start().keycloak().clientCredentialsToken(clientId, first);
        var me = Http.get(api() + "v1/me", systemToken);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(department);
        assertThat(Http.get(clients(department), token).json().findValuesAsText("clientId"))
                .containsExactly(department + "-api", clientId);

        var rotated = Http.post(clients(department) + "/" + clientId + "/secret", token, "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        var second = rotated.json().get("secret").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(tokenAnswer(clientId, first).statusCode()).isEqualTo(401);
        assertThat(tokenAnswer(clientId, second).statusCode()).isEqualTo(200);
        assertThat(keycloak.clientSecret(keycloak.client(clientId).get("id").asText()))
                .isEqualTo(second);
    }

    @Test
    void aDisabledClientGetsNoTokenUntilEnabledAgain() {
        var department = freshDepartment();
        var token = adminToken(department);
        var clientId = department + "-api";
        var secret = Http.post(clients(department) + "/" + clientId + "/secret", token, "")
                .json()
                .get("secret")
                .asText();

        var disabled = Http.post(clients(department) + "/" + clientId + "/disable", token, "");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(keycloak.client(clientId).get("enabled").asBoolean()).isFalse();
        assertThat(tokenAnswer(clientId, secret).statusCode()).isBetween(400, 401);

        var enabled = Http.post(clients(department) + "/" + clientId + "/enable", token, "");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(tokenAnswer(clientId, secret).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheDepartmentsOwnAdminsTouchItsClients() {
        var department = freshDepartment();
        var foreignAdmin = DemoTokens.userToken("transport-admin");

        assertThat(Http.get(clients(department), foreignAdmin).status()).isEqualTo(404);
        assertThat(Http.post(clients(department) + "/" + department + "-api/secret", foreignAdmin, "")
                        .status())
                .isEqualTo(404);
        assertThat(Http.get(clients("transport"), DemoTokens.userToken("transport-staff"))
                        .status())
                .isEqualTo(403);
        // a client of another department through one's own department: unknown, nothing rotated
        var token = adminToken(department);
        var foreignClient = Http.post(clients(department) + "/transport-api/secret", token, "");
        assertThat(foreignClient.status()).as(foreignClient.body()).isEqualTo(404);
        assertThat(tokenAnswer(KeycloakDemoRealm.apiClient("transport"), KeycloakDemoRealm.apiSecret("transport"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingIsCreated() {
        var department = freshDepartment();
        var token = adminToken(department);

        var badName = Http.post(clients(department), token, Http.json(Map.of("name", "Sync Job", "purpose", "ok")));
        assertThat(badName.status()).as(badName.body()).isEqualTo(400);
        assertThat(badName.json().findValuesAsText("field")).containsExactly("name");

        var longName =
                Http.post(clients(department), token, Http.json(Map.of("name", "a".repeat(31), "purpose", "ok")));
        assertThat(longName.status()).as(longName.body()).isEqualTo(400);
        assertThat(longName.json().findValuesAsText("field")).containsExactly("name");

        var hostile = Http.post(clients(department), token, Http.json(Map.of("name", "sync", "purpose", "a\u0000b")));
        assertThat(hostile.status()).as(hostile.body()).isEqualTo(400);
        assertThat(hostile.json().findValuesAsText("field")).contains("purpose");

        var tooLong =
                Http.post(clients(department), token, Http.json(Map.of("name", "sync", "purpose", "字".repeat(201))));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().findValuesAsText("field")).containsExactly("purpose");

        var lineBreak = Http.post(clients(department), token, Http.json(Map.of("name", "sync", "purpose", "a\nb")));
        assertThat(lineBreak.status()).as(lineBreak.body()).isEqualTo(400);
        assertThat(lineBreak.json().findValuesAsText("field")).containsExactly("purpose");

        assertThat(keycloak.client(department + "-sync").isMissingNode()).isTrue();
        assertThat(Http.get(clients(department), token).json().findValuesAsText("clientId"))
                .containsExactly(department + "-api");
    }

    private String rotate(String department, String clientId, String token, String gracePeriod) {
        var url = clients(department) + "/" + clientId + "/secret"
                + (gracePeriod == null ? "" : "?gracePeriod=" + URLEncoder.encode(gracePeriod, StandardCharsets.UTF_8));
        var rotated = Http.post(url, token, "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        return rotated.body();
    }

    private static String secretOf(String rotatedBody) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(rotatedBody)
                    .get("secret")
                    .asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The summaries of the department's audit events of that action, newest first, as an auditor finds them. */
    private List<String> auditSummaries(String department, String action) {
        var answer = Http.get(
                api() + "v1/audit/events?department=" + department + "&action=" + action,
                DemoTokens.userToken("auditor"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("events").findValuesAsText("summary");
    }

    @Test
    void duringAGracePeriodBothSecretsObtainTokensAndAfterItOnlyTheNewOne() throws InterruptedException {
        var department = freshDepartment();
        var token = adminToken(department);
        var clientId = department + "-api";
        var first = secretOf(rotate(department, clientId, token, null));

        var rotated = Http.post(clients(department) + "/" + clientId + "/secret?gracePeriod=PT5S", token, "");
        var asked = Instant.now();
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        var second = rotated.json().get("secret").asText();
        assertThat(second).isNotEqualTo(first);
        var until =
                Instant.parse(rotated.json().at("/client/oldSecretValidUntil").asText());
        assertThat(until).isBetween(asked.plusSeconds(3), asked.plusSeconds(7));
        assertThat(tokenAnswer(clientId, first).statusCode())
                .as("the old secret in its grace")
                .isEqualTo(200);
        assertThat(tokenAnswer(clientId, second).statusCode()).isEqualTo(200);
        assertThat(keycloak.clientSecret(keycloak.client(clientId).get("id").asText()))
                .isEqualTo(second);
        var listed = Http.get(clients(department), token).json();
        assertThat(listed.get(0).get("oldSecretValidUntil").asText()).isEqualTo(until.toString());

        // Keycloak refuses the old secret once the second it was valid through has passed
        var deadline = until.plusSeconds(15);
        int status;
        do {
            status = tokenAnswer(clientId, first).statusCode();
            if (status == 200) {
                assertThat(Instant.now()).as("the old secret still works").isBefore(deadline);
                Thread.sleep(250);
            }
        } while (status == 200);
        assertThat(status).isEqualTo(401);
        assertThat(Instant.now()).as("not before its grace ended").isAfter(until);
        assertThat(tokenAnswer(clientId, second).statusCode()).isEqualTo(200);
        assertThat(Http.get(clients(department), token).json().get(0).has("oldSecretValidUntil"))
                .as("no old secret is valid")
                .isFalse();

        assertThat(auditSummaries(department, "client.rotate"))
                .hasSize(2)
                .first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("grace period PT5S", until.toString())
                .doesNotContain(first, second);
    }

    @Test
    void endingAGracePeriodEarlyStopsTheOldSecretAtOnce() {
        var department = freshDepartment();
        var token = adminToken(department);
        var clientId = department + "-api";
        var first = secretOf(rotate(department, clientId, token, null));
        var second = secretOf(rotate(department, clientId, token, "PT1H"));
        assertThat(tokenAnswer(clientId, first).statusCode()).isEqualTo(200);
        assertThat(tokenAnswer(clientId, second).statusCode()).isEqualTo(200);

        var ended = Http.delete(clients(department) + "/" + clientId + "/old-secret", token);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().has("oldSecretValidUntil")).isFalse();
        assertThat(tokenAnswer(clientId, first).statusCode()).isEqualTo(401);
        assertThat(tokenAnswer(clientId, second).statusCode()).isEqualTo(200);
        assertThat(keycloak.client(clientId).path("attributes").has("client.secret.rotated"))
                .isFalse();

        var again = Http.delete(clients(department) + "/" + clientId + "/old-secret", token);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(Http.delete(
                                clients(department) + "/" + clientId + "/old-secret",
                                DemoTokens.userToken("transport-admin"))
                        .status())
                .isEqualTo(404);
        assertThat(auditSummaries(department, "client.old-secret.end")).hasSize(1);
        assertThat(auditSummaries(department, "client.rotate").get(0)).contains("grace period PT1H");
    }

    @Test
    void aBadGracePeriodIsRefusedNamingTheFieldAndTheSecretStays() {
        var department = freshDepartment();
        var token = adminToken(department);
        var clientId = department + "-api";
        var secret = secretOf(rotate(department, clientId, token, null));
        var rotations = auditSummaries(department, "client.rotate").size();

        for (var bad : List.of("P8D", "1h", "PT0.5S", "-PT1H", "soon")) {
            var refused = Http.post(
                    clients(department) + "/" + clientId + "/secret?gracePeriod="
                            + URLEncoder.encode(bad, StandardCharsets.UTF_8),
                    token,
                    "");
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().findValuesAsText("field")).containsExactly("gracePeriod");
        }
        assertThat(tokenAnswer(clientId, secret).statusCode()).isEqualTo(200);
        assertThat(keycloak.clientSecret(keycloak.client(clientId).get("id").asText()))
                .isEqualTo(secret);
        assertThat(auditSummaries(department, "client.rotate")).hasSize(rotations);
        // no grace period asked: the old secret stops at once, as before
        var next = secretOf(rotate(department, clientId, token, "PT0S"));
        assertThat(tokenAnswer(clientId, secret).statusCode()).isEqualTo(401);
        assertThat(tokenAnswer(clientId, next).statusCode()).isEqualTo(200);
    }
}
