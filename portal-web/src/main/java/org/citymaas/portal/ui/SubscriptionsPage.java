package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.departments.boundary.DepartmentView;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.models.boundary.ModelLifecycle;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.subscriptions.boundary.NewSubscription;
import org.citymaas.portal.subscriptions.boundary.QuotaLimits;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.TenantException;
import org.citymaas.tenant.errors.TenantStorageException;

/**
 * The platform admins' subscriptions page: every department's subscriptions with this month's use,
 * granting, revoking and monthly limits. Changes go through the same {@link Subscriptions} boundary as
 * the API, so they are checked and audited the same way.
 */
@Named
@ViewScoped
public class SubscriptionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Subscriptions subscriptions;

    @Inject
    transient Departments departments;

    @Inject
    transient Catalog catalog;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient ModelLifecycle lifecycle;

    @Inject
    Language language;

    private String department;
    private String model;
    private String version;
    private String editingDepartment;
    private String editingModel;
    private String requestLimit;
    private String rowLimit;
    private List<SubscriptionRow> rows;
    private List<DepartmentRow> departmentRows;

    public List<SubscriptionRow> getRows() {
        if (rows == null) {
            rows = subscriptions.all().stream()
                    .map(s -> new SubscriptionRow(s, subscriptions.quota(new TenantId(s.department()), s.model())))
                    .toList();
        }
        return rows;
    }

    public List<DepartmentRow> getDepartments() {
        if (departmentRows == null) {
            departmentRows = departments.list().stream()
                    .map(DepartmentView::of)
                    .map(DepartmentRow::new)
                    .toList();
        }
        return departmentRows;
    }

    /** A department's name in the page's language, or its id when it is not listed. */
    public String name(String id) {
        return getDepartments().stream()
                .filter(d -> d.getId().equals(id))
                .map(d -> language.name(d.getNameZh(), d.getNameEn()))
                .findFirst()
                .orElse(id);
    }

    public List<String> getModels() {
        return catalog.modelNames().stream().sorted().toList();
    }

    /** The versions of the chosen model, to pin one. */
    public List<String> getVersions() {
        return blank(model) ? List.of() : lifecycle.serving(model);
    }

    public void grant() {
        if (blank(department) || blank(model)) {
            refuse(blank(department) ? "subscriptions.department" : "subscriptions.model", "subscriptions.required");
            return;
        }
        if (TenantId.isValid(department)
                && subscriptions.find(new TenantId(department), model).isPresent()) {
            refuse("subscriptions.model", "subscriptions.duplicate");
            return;
        }
        var pinned = blank(version) ? null : version;
        if (pinned != null && !getVersions().contains(pinned)) {
            refuse("subscriptions.version", "subscriptions.unknownVersion");
            return;
        }
        var granted = attempt(() ->
                subscriptions.grant(DepartmentIds.parse(department), new NewSubscription(model, pinned), admin()));
        if (granted.isPresent()) {
            inform(
                    "subscriptions.granted",
                    department,
                    model,
                    pinned == null ? text("subscriptions.allVersions") : pinned);
            department = model = version = null;
        }
    }

    public void revoke(String tenant, String name) {
        attempt(() -> subscriptions.revoke(DepartmentIds.parse(tenant), name, admin()))
                .ifPresent(revoked -> {
                    inform(revoked ? "subscriptions.revoked" : "subscriptions.notSubscribed", tenant, name);
                    if (tenant.equals(editingDepartment) && name.equals(editingModel)) {
                        cancelQuota();
                    }
                });
    }

    /** Opens the quota form for a row, filled with its present limits. */
    public void edit(String tenant, String name) {
        var quota = subscriptions.quota(DepartmentIds.parse(tenant), name);
        editingDepartment = tenant;
        editingModel = name;
        requestLimit =
                quota.requestLimit() == null ? null : quota.requestLimit().toString();
        rowLimit = quota.rowLimit() == null ? null : quota.rowLimit().toString();
    }

    public void saveQuota() {
        if (!isEditing()) {
            return;
        }
        var requests = limit(requestLimit, "subscriptions.requestLimit");
        var rowsLimit = limit(rowLimit, "subscriptions.rowLimit");
        if (requests == null || rowsLimit == null) {
            return;
        }
        var saved = attempt(() -> subscriptions.setQuota(
                DepartmentIds.parse(editingDepartment), editingModel, new QuotaLimits(requests, rowsLimit), admin()));
        if (saved.isPresent()) {
            inform(
                    "subscriptions.quota.saved",
                    editingDepartment,
                    editingModel,
                    requests.toString(),
                    rowsLimit.toString());
            cancelQuota();
        }
    }

    public void cancelQuota() {
        editingDepartment = editingModel = requestLimit = rowLimit = null;
    }

    /** A limit typed in the form: a whole number from 0, else a message naming the field and null. */
    private Long limit(String typed, String field) {
        if (blank(typed)) {
            refuse(field, "subscriptions.limit.required");
            return null;
        }
        try {
            var value = Long.parseLong(typed.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        refuse(field, "subscriptions.limit.invalid");
        return null;
    }

    /**
     * Runs a change; the boundary's refusal of bad input becomes a message (our own failures, 5xx, are
     * not swallowed), and the table is read again.
     */
    private <T> Optional<T> attempt(Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (PortalException | TenantException e) {
            if (e instanceof PortalException failure && failure.status() >= 500) {
                throw failure;
            }
            if (e instanceof TenantStorageException failure) {
                throw failure;
            }
            var faces = FacesContext.getCurrentInstance();
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("subscriptions.failed"), e.getMessage()));
            faces.validationFailed();
            return Optional.empty();
        } finally {
            rows = null;
        }
    }

    private void refuse(String field, String rule) {
        var faces = FacesContext.getCurrentInstance();
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        MessageFormat.format(text("subscriptions.refused"), text(field), text(rule)),
                        ""));
        faces.validationFailed();
    }

    private void inform(String key, Object... arguments) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(FacesMessage.SEVERITY_INFO, MessageFormat.format(text(key), arguments), ""));
    }

    private String text(String key) {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale())
                .getString(key);
    }

    /** The signed-in platform admin: web.xml keeps everyone else off this page, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins change subscriptions and quotas");
        }
        return caller;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public boolean isEditing() {
        return editingDepartment != null && editingModel != null;
    }

    public String getEditingDepartment() {
        return editingDepartment;
    }

    public String getEditingModel() {
        return editingModel;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getRequestLimit() {
        return requestLimit;
    }

    public void setRequestLimit(String requestLimit) {
        this.requestLimit = requestLimit;
    }

    public String getRowLimit() {
        return rowLimit;
    }

    public void setRowLimit(String rowLimit) {
        this.rowLimit = rowLimit;
    }
}
