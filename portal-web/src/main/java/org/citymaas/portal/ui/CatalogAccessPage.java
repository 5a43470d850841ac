package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.portal.access.boundary.AccessRequests;
import org.citymaas.portal.access.boundary.NewAccessRequest;
import org.citymaas.portal.errors.AccessRequestConflictException;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.models.boundary.ModelLifecycle;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The catalog's other half: every published model the department does not subscribe to, with a request for access
 * (a justification, sent through {@link AccessRequests} as the API sends it), and the department's requests with
 * their status.
 */
@Named
@RequestScoped
public class CatalogAccessPage {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessRequests requests;

    @Inject
    Subscriptions subscriptions;

    @Inject
    ModelLifecycle lifecycle;

    @Inject
    Language language;

    private String justification;
    private List<ModelCardView> available;
    private List<AccessRequestRow> rows;

    private TenantId department() {
        return currentCaller.get().tenant();
    }

    /** The published models the department does not have, each with its default version's card. */
    public List<ModelCardView> getAvailable() {
        if (available == null) {
            var department = department();
            var result = new ArrayList<ModelCardView>();
            if (department != null) {
                for (var model : requests.published()) {
                    if (subscriptions.find(department, model).isPresent()) {
                        continue;
                    }
                    try {
                        result.add(new ModelCardView(
                                lifecycle.resolve(model, null).card(), null, language.cardLanguage()));
                    } catch (UnknownModelException | ModelVersionRetiredException e) {
                        // no version answers calls that name none: nothing to request
                    }
                }
            }
            available = result;
        }
        return available;
    }

    /** The department's requests, newest first. */
    public List<AccessRequestRow> getRequests() {
        if (rows == null) {
            var department = department();
            rows = department == null
                    ? List.of()
                    : requests.list(department).stream()
                            .map(AccessRequestRow::new)
                            .toList();
        }
        return rows;
    }

    /** Whether the department's request for the model waits for a platform admin. */
    public boolean pending(String model) {
        return getRequests().stream()
                .anyMatch(r -> r.isPending() && r.getModel().equals(model));
    }

    /** Sends the request; the page shows the outcome at the top of the section. */
    public void request(String model) {
        var text = justification == null ? "" : justification.strip();
        if (text.isEmpty()) {
            FormMessages.error("access.justification.required", "");
            return;
        }
        if (text.length() > AccessRequests.MAX_JUSTIFICATION) {
            FormMessages.error("access.justification.tooLong", "");
            return;
        }
        try {
            requests.request(department(), new NewAccessRequest(model, text), currentCaller.get());
            FormMessages.info("access.requested", "", model);
            justification = null;
        } catch (AccessRequestConflictException e) {
            FormMessages.error(
                    "SUBSCRIBED".equals(e.extensions().get("state")) ? "access.subscribed" : "access.duplicate", "");
        } catch (PortalException e) {
            if (e.status() >= 500) {
                throw e;
            }
            FormMessages.error("access.failed", e.getMessage());
        } finally {
            rows = null;
            available = null;
        }
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
