package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.departments.boundary.DepartmentOnboarding;
import org.citymaas.portal.departments.boundary.DepartmentView;
import org.citymaas.portal.departments.boundary.NewDepartment;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.suspension.boundary.Suspensions;
import org.citymaas.security.errors.SecurityModuleException;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.errors.TenantException;

/** The platform admin's departments page: the list and the form that creates one. */
@Named
@ViewScoped
public class DepartmentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Departments departments;

    @Inject
    transient DepartmentOnboarding onboarding;

    @Inject
    transient Validator validator;

    @Inject
    transient Suspensions suspensions;

    @Inject
    transient CurrentCaller currentCaller;

    private String id;
    private String nameZh;
    private String nameEn;
    private String adminUsername;
    private String adminEmail;
    private String adminName;
    private List<DepartmentRow> rows;
    private String query;

    /** The departments whose id or names contain the search text (all of them when it is empty). */
    public List<DepartmentRow> getRows() {
        if (rows == null) {
            rows = departments.list().stream()
                    .map(DepartmentView::of)
                    .map(DepartmentRow::new)
                    .toList();
        }
        if (query == null || query.isBlank()) {
            return rows;
        }
        String wanted = query.strip().toLowerCase(Locale.ROOT);
        return rows.stream().filter(row -> row.matches(wanted)).toList();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public void create() {
        var request = new NewDepartment(id, nameZh, nameEn, adminUsername, adminEmail, adminName);
        var violations = validator.validate(request);
        var faces = FacesContext.getCurrentInstance();
        var text = ResourceBundle.getBundle(
                "org.citymaas.portal.ui.Messages", faces.getViewRoot().getLocale());
        if (!violations.isEmpty()) {
            violations.stream()
                    .sorted((a, b) -> a.getPropertyPath()
                            .toString()
                            .compareTo(b.getPropertyPath().toString()))
                    .forEach(v -> faces.addMessage(
                            "departments:" + v.getPropertyPath(),
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    text.getString("departments." + v.getPropertyPath()) + ": " + message(text, v),
                                    "")));
            return;
        }
        try {
            var created = onboarding.create(request);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            MessageFormat.format(
                                    text.getString("departments.created.summary"),
                                    created.department().id()),
                            MessageFormat.format(
                                    text.getString("departments.created.detail"),
                                    created.adminUsername(),
                                    created.adminTemporaryPassword(),
                                    created.apiClientId(),
                                    created.apiClientSecret())));
            query = id;
            id = nameZh = nameEn = adminUsername = adminEmail = adminName = null;
            rows = null;
        } catch (TenantException | SecurityModuleException e) {
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR, text.getString("departments.failed"), e.getMessage()));
        }
    }

    /** Suspends the department: its members and clients are refused from now on, its batch jobs pause. */
    public void suspend(String department) {
        try {
            var view = suspensions.suspend(DepartmentIds.parse(department), currentCaller.get());
            FormMessages.info("departments.suspended.summary", "", view.id());
            rows = null;
        } catch (TenantException e) {
            FormMessages.error("departments.failed", e.getMessage());
        }
    }

    /** Reactivates the department and resumes its batch jobs. */
    public void reactivate(String department) {
        try {
            var tenant = DepartmentIds.parse(department);
            var view = suspensions.reactivate(tenant, currentCaller.get());
            suspensions.resumeBatches(tenant);
            FormMessages.info("departments.reactivated.summary", "", view.id());
            rows = null;
        } catch (TenantException e) {
            FormMessages.error("departments.failed", e.getMessage());
        }
    }

    /** The violation's message in the page's language: its template is a key of the page texts, prefixed. */
    private static String message(ResourceBundle text, ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            String key = "validation." + template.substring(1, template.length() - 1);
            if (text.containsKey(key)) {
                return text.getString(key);
            }
        }
        return violation.getMessage();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }
}
