package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.List;
import org.citymaas.portal.clients.boundary.ApiClients;
import org.citymaas.portal.clients.boundary.GracePeriod;
import org.citymaas.portal.clients.boundary.NewApiClient;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.errors.SecurityModuleException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.TenantException;

/**
 * The tenant admin's API clients page: the department's clients, a form that creates one (its secret shown once), and
 * per client rotate the secret (the new one shown once; the old one stops at once or after the grace period chosen
 * next to the button), end an old secret's grace period now, disable and enable.
 */
@Named
@ViewScoped
public class ClientsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> GRACE_CHOICES = List.of("PT0S", "PT1H", "PT24H", "P7D");

    @Inject
    transient ApiClients clients;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient Validator validator;

    private String name;
    private String purpose;
    private transient List<ClientRow> rows;

    private TenantId department() {
        return currentCaller.get().tenant();
    }

    public String getDepartment() {
        return department().value();
    }

    public List<ClientRow> getRows() {
        if (rows == null) {
            rows = clients.list(department()).stream().map(ClientRow::new).toList();
        }
        return rows;
    }

    public void create() {
        var request = new NewApiClient(blankToNull(name), blankToNull(purpose));
        if (!FormMessages.fields("clients", "clients", validator.validate(request))) {
            return;
        }
        try {
            var created = clients.create(department(), request, currentCaller.get());
            FormMessages.info(
                    "clients.created", created.secret(), created.client().clientId());
            name = purpose = null;
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("clients.failed", e.getMessage());
        }
    }

    /** The grace periods the page offers for the old secret: none, 1 hour, 24 hours, 7 days. */
    public List<String> getGraceChoices() {
        return GRACE_CHOICES;
    }

    public void rotate(ClientRow row) {
        var clientId = row.getClientId();
        try {
            var grace = GracePeriod.parse(row.getGrace());
            var rotated = clients.rotate(department(), clientId, grace, currentCaller.get());
            var until = rotated.client().oldSecretValidUntil();
            if (until == null) {
                FormMessages.info("clients.rotated", rotated.secret(), clientId);
            } else {
                FormMessages.info(
                        "clients.rotated.grace", rotated.secret(), clientId, ClientRow.CITY_TIME.format(until));
            }
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("clients.failed", e.getMessage());
        }
    }

    public void endGrace(String clientId) {
        try {
            clients.endGrace(department(), clientId, currentCaller.get());
            FormMessages.info("clients.grace.ended", "", clientId);
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("clients.failed", e.getMessage());
        }
    }

    public void disable(String clientId) {
        setEnabled(clientId, false);
    }

    public void enable(String clientId) {
        setEnabled(clientId, true);
    }

    private void setEnabled(String clientId, boolean enabled) {
        try {
            clients.setEnabled(department(), clientId, enabled, currentCaller.get());
            FormMessages.info("clients.changed", "", clientId);
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("clients.failed", e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }
}
