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
}
