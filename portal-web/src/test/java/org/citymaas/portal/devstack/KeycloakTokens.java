package org.citymaas.portal.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Tokens from a running Keycloak over plain HTTP, and the one admin REST change the dev stack needs. */
final class KeycloakTokens {

    /** Loopback redirect of {@code citymaas-cli} (RFC 8252): nothing listens, the code is read from Location. */
    private static final String CLI_REDIRECT = "http://127.0.0.1/citymaas-cli/callback";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String realm;
    private final HttpClient http;

    KeycloakTokens(String baseUrl, String realm) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String clientCredentials(String clientId, String secret) {
        return accessToken(post(
                tokenEndpoint(realm),
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    String masterAdmin(String user, String password) {
        return accessToken(post(
                tokenEndpoint("master"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password)));
    }

    /**
     * Signs a user in as a browser would: the authorization request with PKCE S256, Keycloak's login form,
     * the redirect back to the loopback URI with the code (read from Location, nothing listens), the exchange.
     */
    String userLogin(String username, String password) {
        var verifier = randomToken(48);
        var state = randomToken(16);
        var authorize = baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id",
                        KeycloakDemoRealm.CLI_CLIENT,
                        "response_type",
                        "code",
                        "scope",
                        "openid",
                        "redirect_uri",
                        CLI_REDIRECT,
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        var loginForm = new KeycloakLoginForm(http);
        var submitted = loginForm.submit(loginForm.open(authorize), username, password);
        if (submitted.statusCode() == 200) {
            throw new KeycloakLoginRefused("Keycloak refused the sign-in of " + username + ": "
                    + KeycloakLoginForm.errorText(submitted.body()));
        }
        var location = submitted.headers().firstValue("Location").orElse("");
        if (submitted.statusCode() / 100 != 3 || !location.startsWith(CLI_REDIRECT)) {
            throw new KeycloakLoginRefused("Keycloak did not send " + username + " back to the client ("
                    + submitted.statusCode() + " " + location + "): a required action on the account?");
        }
        var answer = query(URI.create(location).getRawQuery());
        if (answer.containsKey("error") || !state.equals(answer.get("state"))) {
            throw new KeycloakLoginRefused("Keycloak refused the sign-in of " + username + ": " + answer);
        }
        return accessToken(post(
                tokenEndpoint(realm),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        KeycloakDemoRealm.CLI_CLIENT,
                        "code",
                        answer.get("code"),
                        "redirect_uri",
                        CLI_REDIRECT,
                        "code_verifier",
                        verifier)));
    }

    /** Adds a redirect URI and a post-logout one (may be null) to a client, unless they are there already. */
    void addRedirectUri(String adminToken, String clientId, String redirectUri, String postLogoutRedirectUri) {
        var clients = baseUrl + "/admin/realms/" + realm + "/clients";
        var found = readJson(send(
                http,
                HttpRequest.newBuilder(URI.create(clients + "?clientId=" + encode(clientId)))
                        .header("Authorization", "Bearer " + adminToken)
                        .GET()));
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalArgumentException("no client " + clientId + " in realm " + realm);
        }
        var client = (ObjectNode) found.get(0);
        var redirectUris = client.withArrayProperty("redirectUris");
        if (redirectUri != null && !contains(redirectUris, redirectUri)) {
            redirectUris.add(redirectUri);
        }
        var attributes = client.withObjectProperty("attributes");
        if (postLogoutRedirectUri != null) {
            // Keycloak keeps them in one attribute, separated by ##; "+" means "the redirect URIs"
            var current = attributes.path("post.logout.redirect.uris").asText("");
            var uris = new ArrayList<String>(
                    current.isBlank() || current.equals("+") ? List.of() : Arrays.asList(current.split("##")));
            if (!uris.contains(postLogoutRedirectUri)) {
                uris.add(postLogoutRedirectUri);
                attributes.put("post.logout.redirect.uris", String.join("##", uris));
            }
        }
        var updated = send(
                http,
                HttpRequest.newBuilder(
                                URI.create(clients + "/" + client.get("id").asText()))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (updated.statusCode() != 204) {
            throw new IllegalStateException(
                    "Keycloak did not update client " + clientId + ": " + updated.statusCode() + " " + updated.body());
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from Keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Keycloak", e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private String tokenEndpoint(String realmName) {
        return baseUrl + "/realms/" + realmName + "/protocol/openid-connect/token";
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) {
        return send(
                http,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private static String accessToken(HttpResponse<String> response) {
        var body = readJson(response);
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IllegalStateException("Keycloak gave no token: " + response.statusCode() + " " + response.body());
        }
        return body.get("access_token").asText();
    }

    private static JsonNode readJson(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak answered " + response.statusCode() + " without JSON: " + response.body(), e);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (var element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> query(String rawQuery) {
        var parameters = new LinkedHashMap<String, String>();
        if (rawQuery != null) {
            for (var pair : rawQuery.split("&")) {
                var nameAndValue = pair.split("=", 2);
                parameters.put(
                        URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
