package org.citymaas.security.provisioning.control;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** What the departments' Keycloak side is made of: API clients, service accounts, roles, temporary passwords. */
public final class RealmParts {

    /** Keycloak names a client's service account user {@code service-account-<client id>}. */
    public static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RealmParts() {}

    /** The Keycloak group of a department. */
    public static String groupPath(TenantId tenant) {
        return "/departments/" + tenant.value();
    }

    /**
     * A new person of the department: its group and tenant, a temporary password and the required action to change it
     * at first sign-in.
     */
    public static UserRepresentation newPerson(
            TenantId tenant, String username, String email, String displayName, String temporaryPassword) {
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(displayName);
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("tenant", List.of(tenant.value())));
        user.setGroups(List.of(groupPath(tenant)));
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(temporaryPassword);
        credential.setTemporary(true);
        user.setCredentials(List.of(credential));
        return user;
    }

    /**
     * A confidential client with a service account whose tokens carry the tenant, the groups and the API's audience,
     * marked for the realm's secret rotation policy ({@link RotatedSecrets}).
     */
    public static ClientRepresentation apiClient(String clientId, String name, String description, String audience) {
        var client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription(description);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        // the realm's secret rotation policy applies to it: a rotation may keep the old secret for a grace period
        RotatedSecrets.mark(client);
        client.setProtocolMappers(List.of(
                mapper(
                        "tenant",
                        "oidc-usermodel-attribute-mapper",
                        Map.of("user.attribute", "tenant", "claim.name", "tenant", "jsonType.label", "String")),
                mapper("groups", "oidc-group-membership-mapper", Map.of("full.path", "true", "claim.name", "groups")),
                mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", audience))));
        return client;
    }

    /** The client's service account acts for the department: its tenant, its group, the staff role. */
    public static void serviceAccountOf(RealmResource realm, TenantId tenant, String clientUuid) {
        var serviceAccount = realm.clients().get(clientUuid).getServiceAccountUser();
        var user = realm.users().get(serviceAccount.getId());
        var representation = user.toRepresentation();
        representation.setAttributes(Map.of("tenant", List.of(tenant.value())));
        user.update(representation);
        var group = realm.getGroupByPath(groupPath(tenant));
        user.joinGroup(group.getId());
        grantRoles(realm, serviceAccount.getId(), Role.STAFF);
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        var mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        var full = new HashMap<>(config);
        full.put("access.token.claim", "true");
        if (!type.equals("oidc-audience-mapper")) {
            full.put("id.token.claim", "true");
            full.put("userinfo.token.claim", "true");
        }
        mapper.setConfig(full);
        return mapper;
    }

    public static void grantRoles(RealmResource realm, String userId, Role... roles) {
        realm.users().get(userId).roles().realmLevel().add(representations(realm, roles));
    }

    public static void revokeRoles(RealmResource realm, String userId, Role... roles) {
        realm.users().get(userId).roles().realmLevel().remove(representations(realm, roles));
    }

    private static List<org.keycloak.representations.idm.RoleRepresentation> representations(
            RealmResource realm, Role... roles) {
        return Arrays.stream(roles)
                .map(role -> realm.roles().get(role.roleName()).toRepresentation())
                .toList();
    }

    public static void requireCreated(Response response) {
        if (response.getStatus() != Response.Status.CREATED.getStatusCode()) {
            throw new WebApplicationException(
                    "Keycloak answered " + response.getStatus() + " "
                            + response.getStatusInfo().getReasonPhrase(),
                    response.getStatus());
        }
    }

    /** The HTTP status of the Keycloak answer behind a failure, or -1. */
    public static int status(Throwable cause) {
        for (var t = cause; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException wae) {
                return wae.getResponse().getStatus();
            }
        }
        return -1;
    }

    /** A first password: 16 characters from an alphabet without look-alikes. */
    public static String temporaryPassword() {
        var password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
