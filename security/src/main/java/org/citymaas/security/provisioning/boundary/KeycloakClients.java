package org.citymaas.security.provisioning.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.citymaas.security.provisioning.control.ProvisionerRealm;
import org.citymaas.security.provisioning.control.RealmParts;
import org.citymaas.security.provisioning.control.RotatedSecrets;
import org.citymaas.security.provisioning.entity.DepartmentClient;
import org.citymaas.security.provisioning.entity.DirectoryRefusal;
import org.citymaas.security.provisioning.entity.IssuedSecret;
import org.citymaas.tenant.departments.entity.TenantId;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * A department's API clients in Keycloak: the confidential clients whose service account is a member of the
 * department's group (as the demo realm's {@code <department>-api} clients are). Listed, created, their secret
 * regenerated (the old one stopped at once or kept for a grace period through Keycloak's client secret rotation, see
 * {@link RotatedSecrets}), disabled and enabled through keycloak-admin-client as the provisioner client.
 */
@ApplicationScoped
public class KeycloakClients {

    @Inject
    ProvisionerRealm provisioner;

    /** The department's clients by client id. */
    public List<DepartmentClient> list(TenantId tenant) {
        var realm = provisioner.realm();
        var group = realm.getGroupByPath(RealmParts.groupPath(tenant));
        return realm.groups().group(group.getId()).members(0, KeycloakMembers.MAX_MEMBERS, true).stream()
                .map(u -> u.getUsername())
                .filter(name -> name.startsWith(RealmParts.SERVICE_ACCOUNT_PREFIX))
                .map(name -> name.substring(RealmParts.SERVICE_ACCOUNT_PREFIX.length()))
                .flatMap(clientId -> realm.clients().findByClientId(clientId).stream())
                .map(KeycloakClients::view)
                .sorted(Comparator.comparing(DepartmentClient::clientId))
                .toList();
    }

    /**
     * A new client {@code <department>-<name>} whose service account acts for the department as staff. A failure
     * part-way removes the client again.
     */
    public IssuedSecret create(TenantId tenant, String clientId, String purpose) {
        var realm = provisioner.realm();
        if (!realm.clients().findByClientId(clientId).isEmpty()) {
            throw DirectoryRefusal.conflict("Keycloak already has a client " + clientId);
        }
        var representation = RealmParts.apiClient(clientId, clientId, purpose, provisioner.apiAudience());
        String uuid;
        try (var response = realm.clients().create(representation)) {
            if (response.getStatus() == 409) {
                throw DirectoryRefusal.conflict("Keycloak already has a client " + clientId);
            }
            RealmParts.requireCreated(response);
            uuid = CreatedResponseUtil.getCreatedId(response);
        }
        try {
            RealmParts.serviceAccountOf(realm, tenant, uuid);
            var client = realm.clients().get(uuid);
            return new IssuedSecret(
                    view(client.toRepresentation()), client.getSecret().getValue());
        } catch (RuntimeException e) {
            realm.clients().get(uuid).remove();
            throw e;
        }
    }

    /**
     * A new secret for the client (Keycloak's regenerate secret). With no grace the old secret obtains no token from now
     * on; with a grace Keycloak's secret rotation keeps it as the rotated secret, and it obtains tokens for that long
     * (at second precision, on Keycloak's clock). Only one old secret is kept: a second rotation within a grace ends
     * the first old secret. Tokens obtained before stay valid until they expire.
     *
     * @throws DirectoryRefusal (conflict) before anything changes, if a grace is asked and the realm lacks the client
     *     policy {@value RotatedSecrets#POLICY}
     */
    public IssuedSecret rotate(TenantId tenant, String clientId, Duration grace) {
        var realm = provisioner.realm();
        var client = owned(realm, tenant, clientId);
        if (!grace.isZero() && !RotatedSecrets.policyEnabled(realm)) {
            throw DirectoryRefusal.conflict("Keycloak's realm has no enabled client policy " + RotatedSecrets.POLICY
                    + " (feature client-secret-rotation): no grace period is possible, nothing was changed");
        }
        var resource = realm.clients().get(client.getId());
        if (!RotatedSecrets.isMarked(client)) {
            RotatedSecrets.mark(client);
            resource.update(client);
        }
        var secret = resource.generateNewSecret().getValue();
        if (grace.isZero()) {
            resource.invalidateRotatedSecret();
        } else {
            var regenerated = resource.toRepresentation();
            var rotatedAt = RotatedSecrets.rotatedAt(regenerated);
            if (rotatedAt.isPresent()) {
                RotatedSecrets.expireAt(regenerated, rotatedAt.get() + grace.toSeconds());
                resource.update(regenerated);
            }
        }
        return new IssuedSecret(view(resource.toRepresentation()), secret);
    }

    /**
     * Ends the old secret's grace now: Keycloak forgets the rotated secret, which obtains no token from now on.
     *
     * @throws DirectoryRefusal (conflict) if no old secret of the client obtains tokens
     */
    public DepartmentClient endGrace(TenantId tenant, String clientId) {
        var realm = provisioner.realm();
        var client = owned(realm, tenant, clientId);
        if (RotatedSecrets.validUntil(client, Instant.now()).isEmpty()) {
            throw DirectoryRefusal.conflict("no old secret of " + clientId + " obtains tokens");
        }
        var resource = realm.clients().get(client.getId());
        resource.invalidateRotatedSecret();
        return view(resource.toRepresentation());
    }

    /** Lets Keycloak issue the client tokens again, or no more; answers the client as now held. */
    public DepartmentClient setEnabled(TenantId tenant, String clientId, boolean enabled) {
        var realm = provisioner.realm();
        var client = owned(realm, tenant, clientId);
        client.setEnabled(enabled);
        realm.clients().get(client.getId()).update(client);
        return view(realm.clients().get(client.getId()).toRepresentation());
    }

    /** The client, if its service account belongs to the department's group; else not found. */
    private static ClientRepresentation owned(RealmResource realm, TenantId tenant, String clientId) {
        var path = RealmParts.groupPath(tenant);
        var client = realm.clients().findByClientId(clientId).stream()
                .filter(c -> Boolean.TRUE.equals(c.isServiceAccountsEnabled()))
                .findFirst()
                .orElseThrow(() -> notOwned(tenant, clientId));
        var account = realm.clients().get(client.getId()).getServiceAccountUser();
        var member = realm.users().get(account.getId()).groups().stream().anyMatch(g -> path.equals(g.getPath()));
        if (!member) {
            throw notOwned(tenant, clientId);
        }
        return client;
    }

    private static DirectoryRefusal notOwned(TenantId tenant, String clientId) {
        return DirectoryRefusal.notFound("department " + tenant + " has no API client " + clientId);
    }

    private static DepartmentClient view(ClientRepresentation client) {
        return new DepartmentClient(
                client.getClientId(),
                Objects.requireNonNullElse(client.getName(), client.getClientId()),
                client.getDescription(),
                Boolean.TRUE.equals(client.isEnabled()),
                RotatedSecrets.validUntil(client, Instant.now()).orElse(null));
    }
}
