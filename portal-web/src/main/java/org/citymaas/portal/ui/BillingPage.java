package org.citymaas.portal.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.citymaas.billing.documents.boundary.StatementPdfs;
import org.citymaas.portal.billing.boundary.Accounts;
import org.citymaas.portal.billing.boundary.BudgetDesk;
import org.citymaas.portal.billing.boundary.Chargeback;
import org.citymaas.portal.billing.entity.AccountView;
import org.citymaas.portal.billing.entity.BudgetView;
import org.citymaas.portal.billing.entity.StatementView;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/**
 * The billing page of tenant admins (their department) and platform admins (a department they pick):
 * the month to date, forecast and budget, the statements with their PDF ({@code ?pdf=YYYY-MM}, the
 * same file as the API's, so a browser session downloads it), one statement's lines
 * ({@code ?month=YYYY-MM}); its forms (accept, dispute, close, issue, void) are {@link StatementActions}.
 * Everything goes through the same use cases as the API.
 */
@Named
@ViewScoped
public class BillingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Chargeback chargeback;

    @Inject
    transient BudgetDesk budgets;

    @Inject
    transient Accounts accounts;

    @Inject
    transient StatementPdfs pdfs;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String department;
    private String month;
    private String pdf;
    private String error;
    private boolean loaded;
    private transient BudgetView budget;
    private transient List<StatementView> statements;
    private transient StatementView detail;
    private transient List<AccountView> departments;

    /**
     * Reads the department in the address. A malformed parameter or a month not yet begun answers 400, a
     * department the caller may not see 404, a month without a statement 404, each with the page's message.
     */
    public void load() throws IOException {
        if (PageParameter.judge(department, PageParameter.DEPARTMENT) == PageParameter.MALFORMED
                || PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MALFORMED
                || PageParameter.judge(pdf, PageParameter.MONTH) == PageParameter.MALFORMED
                || !realMonth(month)
                || !realMonth(pdf)) {
            department = month = pdf = null;
            error = text().getString("page.parameter.invalid");
            PageParameter.status(400);
            return;
        }
        var caller = currentCaller.get();
        if (Accounts.seesEveryDepartment(caller) && blank(department)) {
            department = accounts.all().stream()
                    .map(a -> a.tenant().value())
                    .findFirst()
                    .orElse(null);
            if (department == null) {
                error = text().getString("billing.error.noDepartment");
                return;
            }
        }
        try {
            department = accounts.visible(caller, department).value();
            if (!blank(pdf)) {
                download(caller);
                return;
            }
            if (!blank(month)) {
                detail = StatementView.of(chargeback.statement(caller, department, month));
            }
            loaded = true;
        } catch (InvalidParameterException e) {
            error = text().getString("billing.error.month");
            loaded = "month".equals(e.parameter());
            PageParameter.status(loaded ? 404 : 400);
        } catch (DepartmentNotFoundException e) {
            error = text().getString("billing.error.department");
            department = null;
            PageParameter.status(404);
        }
    }

    /** Whether a month in the address is none, or a month that has begun (Asia/Shanghai). */
    private boolean realMonth(String value) {
        if (blank(value)) {
            return true;
        }
        try {
            return !YearMonth.parse(value).isAfter(chargeback.currentMonth());
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void download(Caller caller) throws IOException {
        var statement = chargeback.statement(caller, department, pdf);
        var bytes = pdfs.render(statement);
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader(
                "Content-Disposition", "attachment; filename=\"" + Chargeback.pdfName(statement) + "\"");
        external.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    /** The month to date, forecast, budget and active alerts of the department. */
    public BudgetView getBudget() {
        if (budget == null && loaded) {
            budget = BudgetView.of(budgets.status(currentCaller.get(), department));
        }
        return budget;
    }

    /** The month to date (OPEN) first, then every stored statement, newest month first. */
    public List<StatementView> getStatements() {
        if (statements == null && loaded) {
            var caller = currentCaller.get();
            var all = new ArrayList<StatementView>();
            all.add(StatementView.of(chargeback.monthToDate(caller, department)));
            chargeback.statements(caller, department).stream()
                    .map(StatementView::of)
                    .forEach(all::add);
            statements = all;
        }
        return statements == null ? List.of() : statements;
    }

    /** The statement of the month in the address, if one is shown. */
    public StatementView getDetail() {
        if (detail == null && loaded && !blank(month)) {
            try {
                detail = StatementView.of(chargeback.statement(currentCaller.get(), department, month));
            } catch (InvalidParameterException e) {
                return null;
            }
        }
        return detail;
    }

    /** Whether the caller is the department's admin, who answers its drafts. */
    public boolean isBudgetHolder() {
        var caller = currentCaller.get();
        return caller.has(Role.TENANT_ADMIN)
                && caller.tenant() != null
                && caller.tenant().value().equals(department);
    }

    public boolean isPlatformAdmin() {
        return currentCaller.get().has(Role.PLATFORM_ADMIN);
    }

    /** The departments a platform admin may pick (active ones); none for anybody else. */
    public List<AccountView> getDepartments() {
        if (departments == null) {
            departments = Accounts.seesEveryDepartment(currentCaller.get())
                    ? accounts.all().stream().map(AccountView::of).toList()
                    : List.of();
        }
        return departments;
    }

    /** Forgets what was read, after a change. */
    public void forget() {
        statements = null;
        detail = null;
        budget = null;
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public String getError() {
        return error;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getPdf() {
        return pdf;
    }

    public void setPdf(String pdf) {
        this.pdf = pdf;
    }
}
