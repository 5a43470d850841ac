package org.citymaas.security.provisioning.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.security.provisioning.control.AdminConnection;
import org.citymaas.security.provisioning.control.RealmParts;
import org.citymaas.security.provisioning.entity.DepartmentAccount;
import org.citymaas.security.provisioning.entity.ProvisionedDepartment;
import org.citymaas.security.provisioning.entity.ProvisioningException;
import org.citymaas.security.provisioning.entity.ProvisioningStep;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;

/**
 * The departments' side in Keycloak: their group, their first tenant admin and the service account of
 * their systems, created through keycloak-admin-client as the realm's provisioner client. A failure
 * part-way undoes the steps already done, so Keycloak is never left with half a department.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.url")
    String serverUrl;

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.realm", defaultValue = "citymaas")
    String realmName;

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.provisioner.client-id", defaultValue = "citymaas-provisioner")
    String provisionerClientId;

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.provisioner.secret")
    String provisionerSecret;

    @Inject
    @ConfigProperty(name = "citymaas.api.audience", defaultValue = "citymaas-api")
    String apiAudience;

    private Keycloak keycloak;

    @PostConstruct
    void connect() {
        keycloak = AdminConnection.open(serverUrl, realmName, provisionerClientId, provisionerSecret);
    }

    @PreDestroy
    void disconnect() {
        keycloak.close();
    }

    /**
     * Creates the department's group, its first tenant admin (temporary password, to be changed at
     * first sign-in) and its service-account client.
     *
     * @throws ProvisioningException when a step fails; the earlier steps are undone first
     */
    public ProvisionedDepartment provision(DepartmentAccount account) {
        var realm = keycloak.realm(realmName);
        Deque<Runnable> undo = new ArrayDeque<>();
        Deque<ProvisioningStep> done = new ArrayDeque<>();
        var step = ProvisioningStep.GROUP;
        try {
            var groupId = createGroup(realm, account);
            undo.push(() -> realm.groups().group(groupId).remove());
            done.push(step);

            step = ProvisioningStep.ADMIN_USER;
            var password = RealmParts.temporaryPassword();
            var userId = createAdmin(realm, account, password);
            undo.push(() -> realm.users().delete(userId).close());
            done.push(step);
            RealmParts.grantRoles(realm, userId, Role.TENANT_ADMIN, Role.STAFF);

            step = ProvisioningStep.API_CLIENT;
            var clientUuid = createApiClient(realm, account);
            undo.push(() -> realm.clients().get(clientUuid).remove());
            done.push(step);
            RealmParts.serviceAccountOf(realm, account.tenant(), clientUuid);
            var secret = realm.clients().get(clientUuid).getSecret().getValue();

            return new ProvisionedDepartment(
                    groupId, userId, account.adminUsername(), password, account.apiClientId(), secret);
        } catch (RuntimeException e) {
            throw undoAfter(step, e, undo, done);
        }
    }

    private ProvisioningException undoAfter(
            ProvisioningStep failed, RuntimeException cause, Deque<Runnable> undo, Deque<ProvisioningStep> done) {
        List<ProvisioningStep> undone = new ArrayList<>();
        List<ProvisioningStep> leftBehind = new ArrayList<>();
        while (!undo.isEmpty()) {
            var action = undo.pop();
            var step = done.pop();
            try {
                action.run();
                undone.add(step);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not undo provisioning step " + step, e);
                leftBehind.add(step);
            }
        }
        var conflict = RealmParts.status(cause) == Response.Status.CONFLICT.getStatusCode();
        var message = "Keycloak " + (conflict ? "already holds" : "failed to create") + " the department's "
                + describe(failed) + " (" + cause.getMessage() + ")";
        LOG.log(Level.WARNING, message + "; undone: " + undone + ", left behind: " + leftBehind, cause);
        return new ProvisioningException(failed, conflict, undone, leftBehind, message, cause);
    }

    private static String describe(ProvisioningStep step) {
        return switch (step) {
            case GROUP -> "group";
            case ADMIN_USER -> "tenant admin user";
            case API_CLIENT -> "API client";
        };
    }

    private String createGroup(RealmResource realm, DepartmentAccount account) {
        var parent = realm.getGroupByPath("/departments");
        var group = new GroupRepresentation();
        group.setName(account.tenant().value());
        group.setAttributes(Map.of(
                "tenant", List.of(account.tenant().value()),
                "name_zh", List.of(account.nameZh()),
                "name_en", List.of(account.nameEn())));
        try (var response = realm.groups().group(parent.getId()).subGroup(group)) {
            RealmParts.requireCreated(response);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private String createAdmin(RealmResource realm, DepartmentAccount account, String password) {
        var user = RealmParts.newPerson(
                account.tenant(), account.adminUsername(), account.adminEmail(), account.adminDisplayName(), password);
        try (var response = realm.users().create(user)) {
            RealmParts.requireCreated(response);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private String createApiClient(RealmResource realm, DepartmentAccount account) {
        var client = RealmParts.apiClient(
                account.apiClientId(),
                account.nameEn() + " systems",
                "Service account of " + account.nameZh() + " / " + account.nameEn(),
                apiAudience);
        try (var response = realm.clients().create(client)) {
            RealmParts.requireCreated(response);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** Whether Keycloak answers with the provisioner's credentials (for the readiness check). */
    public boolean isReachable() {
        try {
            keycloak.tokenManager().getAccessTokenString();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Keycloak is not reachable", e);
            return false;
        }
    }
}
