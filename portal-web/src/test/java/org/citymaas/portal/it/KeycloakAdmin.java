package org.citymaas.portal.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.KeycloakServer;

/** Reads the realm through Keycloak's admin REST API, to check what the portal did there. */
final class KeycloakAdmin {

    private final KeycloakServer keycloak;

    KeycloakAdmin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    private String admin(String path) {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakDemoRealm.REALM + "/" + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode get(String path) {
        var answer = Http.get(admin(path), keycloak.adminToken());
        if (answer.status() != 200) {
            throw new AssertionError(
                    "Keycloak admin API " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** The group /departments/{tenant}, or a missing node. */
    JsonNode departmentGroup(String tenant) {
        var answer = Http.get(admin("group-by-path/departments/" + tenant), keycloak.adminToken());
        return answer.status() == 200 ? answer.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The user with exactly this name, or a missing node. */
    JsonNode user(String username) {
        var users = get("users?exact=true&username=" + encode(username));
        return users.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : users.get(0);
    }

    JsonNode realmRolesOf(String userId) {
        return get("users/" + userId + "/role-mappings/realm");
    }

    /** The client with this client id, or a missing node. */
    JsonNode client(String clientId) {
        var clients = get("clients?clientId=" + encode(clientId));
        return clients.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : clients.get(0);
    }

    /** Creates a bare client, as someone might have done by hand in the admin console. */
    void createClient(String clientId) {
        var answer = Http.post(
                admin("clients"),
                keycloak.adminToken(),
                Http.json(
                        java.util.Map.of("clientId", clientId, "serviceAccountsEnabled", true, "publicClient", false)));
        if (answer.status() != 201) {
            throw new AssertionError(
                    "could not create client " + clientId + ": " + answer.status() + " " + answer.body());
        }
    }

    String clientSecret(String clientUuid) {
        return get("clients/" + clientUuid + "/client-secret").get("value").asText();
    }

    /** The full paths of the user's groups. */
    java.util.List<String> groupsOf(String userId) {
        return get("users/" + userId + "/groups").findValuesAsText("path");
    }

    /**
     * Gives a user a permanent password and clears the required actions, so that a test can sign in as a department's
     * first admin (created with a temporary one).
     */
    void setPassword(String username, String password) {
        var user = user(username);
        var id = user.get("id").asText();
        var reset = Http.put(
                admin("users/" + id + "/reset-password"),
                keycloak.adminToken(),
                Http.json(java.util.Map.of("type", "password", "value", password, "temporary", false)));
        if (reset.status() != 204) {
            throw new AssertionError("could not set the password of " + username + ": " + reset.body());
        }
        var update = Http.put(
                admin("users/" + id),
                keycloak.adminToken(),
                Http.json(java.util.Map.of("requiredActions", java.util.List.of())));
        if (update.status() != 204) {
            throw new AssertionError("could not clear the required actions of " + username + ": " + update.body());
        }
    }
}
