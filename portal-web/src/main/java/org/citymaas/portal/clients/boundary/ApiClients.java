package org.citymaas.portal.clients.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.provisioning.boundary.KeycloakClients;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's API clients, kept in Keycloak: listed, created, their secret rotated (at once: the old secret obtains
 * no token from then on), disabled and enabled. Every change is audited (actor, department, client id, the change;
 * never a secret).
 */
@ApplicationScoped
public class ApiClients {

    @Inject
    KeycloakClients keycloak;

    @Inject
    AuditTrail audit;

    public List<ApiClientView> list(TenantId department) {
        return keycloak.list(department).stream().map(ApiClientView::of).toList();
    }

    @Transactional
    public ClientSecretView create(TenantId department, NewApiClient request, Caller by) {
        var clientId = department.value() + "-" + request.name();
        var issued = keycloak.create(department, clientId, request.purpose().strip());
        audited(department, by, "client.create", 201, clientId, "created with a service account (staff)");
        return new ClientSecretView(ApiClientView.of(issued.client()), issued.secret());
    }

    @Transactional
    public ClientSecretView rotate(TenantId department, String clientId, Caller by) {
        var issued = keycloak.rotate(department, clientId);
        audited(department, by, "client.rotate", 200, clientId, "secret regenerated; the old one stopped at once");
        return new ClientSecretView(ApiClientView.of(issued.client()), issued.secret());
    }

    @Transactional
    public ApiClientView setEnabled(TenantId department, String clientId, boolean enabled, Caller by) {
        var client = keycloak.setEnabled(department, clientId, enabled);
        audited(
                department,
                by,
                enabled ? "client.enable" : "client.disable",
                200,
                clientId,
                enabled ? "enabled" : "disabled");
        return ApiClientView.of(client);
    }

    private void audited(TenantId department, Caller by, String action, int status, String clientId, String what) {
        audit.append(AuditTrail.by(by)
                .tenant(department)
                .action(action)
                .resource(AuditTrail.resourcePath("tenants/" + department + "/clients/" + clientId))
                .outcome("OK", status)
                .summary("client " + AuditTrail.resourcePath(clientId) + ": " + what)
                .build());
    }
}
