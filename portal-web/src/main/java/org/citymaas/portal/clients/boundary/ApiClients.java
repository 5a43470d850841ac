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
 * A department's API clients, kept in Keycloak: listed, created, their secret rotated (the old secret stops at once, or
 * after a grace period the admin picks, which the admin can also end early), disabled and enabled. Every change is
 * audited (actor, department, client id, the change, a grace period; never a secret).
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

    /**
     * A new secret for the client. With no grace period the old secret stops at once; with one it obtains tokens
     * until the period ends or {@link #endGrace} ends it. The audit records the grace period asked for and until when
     * the old secret is valid (never a secret).
     */
    @Transactional
    public ClientSecretView rotate(TenantId department, String clientId, GracePeriod grace, Caller by) {
        var issued = keycloak.rotate(department, clientId, grace.duration());
        var until = issued.client().oldSecretGrace();
        String what;
        if (grace.isNone()) {
            what = "secret regenerated; grace period none: the old one stopped at once";
        } else if (until.isPresent()) {
            what = "secret regenerated; grace period " + grace + ": the old one obtains tokens until " + until.get();
        } else {
            what = "secret regenerated; grace period " + grace + " asked, but Keycloak kept no old secret: it stopped";
        }
        audited(department, by, "client.rotate", 200, clientId, what);
        return new ClientSecretView(ApiClientView.of(issued.client()), issued.secret());
    }

    /** Ends the old secret's grace period now; audited. */
    @Transactional
    public ApiClientView endGrace(TenantId department, String clientId, Caller by) {
        var client = keycloak.endGrace(department, clientId);
        audited(
                department,
                by,
                "client.old-secret.end",
                200,
                clientId,
                "grace period ended early: the old secret stopped");
        return ApiClientView.of(client);
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
