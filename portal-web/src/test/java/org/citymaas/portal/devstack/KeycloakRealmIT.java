package org.citymaas.portal.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm file docker/keycloak/citymaas-realm.json on a real Keycloak: the claims the portal relies on, for
 * people signing in through the login form and for departments' service accounts, and the provisioner's rights.
 */
class KeycloakRealmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.start(KeycloakServer.Options.forTests());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void staffSignedInThroughTheLoginFormCarriesTenantGroupAndRole() throws Exception {
        var user = KeycloakDemoRealm.staff("transport");

        var claims = verifiedClaims(keycloak.userToken(user, KeycloakDemoRealm.password(user)));

        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuer());
        assertThat(claims.getAudience()).contains(KeycloakDemoRealm.API_AUDIENCE);
        assertThat(claims.getStringClaim("azp")).isEqualTo(KeycloakDemoRealm.CLI_CLIENT);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("transport-staff");
        assertThat(claims.getStringClaim("tenant")).isEqualTo("transport");
        assertThat(claims.getStringListClaim("groups")).containsExactly("/departments/transport");
        assertThat(realmRoles(claims)).contains("staff").doesNotContain("tenant-admin", "platform-admin", "auditor");
        assertThat(claims.getStringClaim("family_name")).isEqualTo("王");
        assertThat(claims.getStringClaim("given_name")).isEqualTo("芳");
    }

    @Test
    void departmentAdminIsStaffAndTenantAdminOfItsDepartment() throws Exception {
        var user = KeycloakDemoRealm.tenantAdmin("hotline");

        var claims = verifiedClaims(keycloak.userToken(user, KeycloakDemoRealm.password(user)));

        assertThat(claims.getStringClaim("tenant")).isEqualTo("hotline");
        assertThat(claims.getStringListClaim("groups")).containsExactly("/departments/hotline");
        assertThat(realmRoles(claims)).contains("staff", "tenant-admin").doesNotContain("platform-admin");
    }

    @Test
    void platformAdminBelongsToNoDepartment() throws Exception {
        var claims = verifiedClaims(keycloak.userToken("platform-admin", KeycloakDemoRealm.password("platform-admin")));

        assertThat(claims.getClaim("tenant")).isNull();
        assertThat(realmRoles(claims)).contains("platform-admin").doesNotContain("staff", "tenant-admin");
    }

    @Test
    void departmentServiceAccountTokenCarriesTenantRoleAndClientId() throws Exception {
        var client = KeycloakDemoRealm.apiClient("transport");

        var claims = verifiedClaims(keycloak.clientCredentialsToken(client, KeycloakDemoRealm.apiSecret("transport")));

        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuer());
        assertThat(claims.getAudience()).contains(KeycloakDemoRealm.API_AUDIENCE);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client);
        assertThat(claims.getStringClaim("azp")).isEqualTo(client);
        assertThat(claims.getStringClaim("tenant")).isEqualTo("transport");
        assertThat(claims.getStringListClaim("groups")).containsExactly("/departments/transport");
        assertThat(realmRoles(claims)).contains("staff").doesNotContain("tenant-admin");
    }

    @Test
    void wrongPasswordIsRefusedOnALoginPageInChinese() {
        // no Accept-Language header: the realm's default locale, zh-CN
        assertThatThrownBy(() -> keycloak.userToken("transport-staff", "not-the-password"))
                .isInstanceOf(KeycloakLoginRefused.class)
                .hasMessageContaining("refused the sign-in of transport-staff")
                .hasMessageContaining("无效的用户名或密码");
    }

    @Test
    void wrongClientSecretGetsNoToken() {
        assertThatThrownBy(() -> keycloak.clientCredentialsToken("transport-api", "not-the-secret"))
                .hasMessageContaining("401");
    }

    @Test
    void provisionerReadsTheDepartmentsThroughTheAdminApi() throws Exception {
        var token = keycloak.clientCredentialsToken(
                KeycloakDemoRealm.PROVISIONER_CLIENT, KeycloakDemoRealm.PROVISIONER_SECRET);

        var departments = adminGet(token, "/group-by-path/departments");
        var children = adminGet(token, "/groups/" + departments.get("id").asText() + "/children");
        var transport = adminGet(token, "/group-by-path/departments/transport");

        assertThat(children.findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(KeycloakDemoRealm.DEPARTMENTS);
        assertThat(transport.at("/attributes/tenant/0").asText()).isEqualTo("transport");
        assertThat(transport.at("/attributes/name_zh/0").asText()).isEqualTo("交通运输局");
        assertThat(transport.at("/attributes/name_en/0").asText()).isEqualTo("Transport Bureau");
    }

    @Test
    void portalAcceptsARedirectUriOnlyOnceItWasAdded() throws Exception {
        var redirect = "http://127.0.0.1:1/citymaas/callback";
        assertThat(portalAuthorizationRequest(redirect)).isEqualTo(400);

        keycloak.addRedirectUri(
                KeycloakDemoRealm.PORTAL_CLIENT, "http://127.0.0.1:1/citymaas/*", "http://127.0.0.1:1/citymaas/*");

        assertThat(portalAuthorizationRequest(redirect)).isEqualTo(200);
    }

    private static int portalAuthorizationRequest(String redirectUri) throws Exception {
        var url = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + KeycloakDemoRealm.PORTAL_CLIENT
                + "&response_type=code&scope=openid&state=s&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static JsonNode adminGet(String token, String path) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/citymaas" + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The token's claims once its signature checked out against the realm's published keys. */
    private static JWTClaimsSet verifiedClaims(String token) throws Exception {
        var jwks = HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloak.jwksUrl())).build(), HttpResponse.BodyHandlers.ofString());
        var jwt = SignedJWT.parse(token);
        var key = JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("signing key in the JWKS").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JWTClaimsSet claims) throws Exception {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        return realmAccess == null ? List.of() : (List<String>) realmAccess.get("roles");
    }
}
