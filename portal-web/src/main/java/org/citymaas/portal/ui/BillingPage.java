package org.citymaas.portal.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
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
 * ({@code ?month=YYYY-MM}), the budget holder's accept or dispute of a draft, and a platform admin's
 * close, issue and void. Everything goes through the same use cases as the API.
 */
@Named
@ViewScoped
public class BillingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The id of the form with the review and the platform admins' actions. */
    static final String FORM = "billing-actions";

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
    private String acceptComment;
    private String disputeComment;
    private String voidReason;
    private String closeMonth;
    private transient BudgetView budget;
    private transient List<StatementView> statements;
    private transient StatementView detail;
    private transient List<AccountView> departments;

    /**
     * Reads the department in the address. A malformed parameter answers 400, a department the caller
     * may not see 404, a month without a statement 404 with the page's message.
     */
    public void load() throws IOException {
        if (PageParameter.judge(department, PageParameter.DEPARTMENT) == PageParameter.MALFORMED
                || PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MALFORMED
                || PageParameter.judge(pdf, PageParameter.MONTH) == PageParameter.MALFORMED) {
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
            PageParameter.status("month".equals(e.parameter()) ? 404 : 400);
            loaded = !blank(department);
        } catch (DepartmentNotFoundException e) {
            error = text().getString("billing.error.department");
            department = null;
            PageParameter.status(404);
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

    /** The budget holder accepts the shown draft. */
    public void accept() {
        Refusal.attempt(
                        FORM + ":accept-comment",
                        text(),
                        () -> chargeback.accept(currentCaller.get(), month, PriceCardForm.strip(acceptComment)))
                .ifPresent(s -> {
                    Refusal.inform(text(), "billing.accepted", s.month().toString());
                    acceptComment = null;
                });
        forget();
    }

    /** The budget holder disputes the shown draft; a dispute says why. */
    public void dispute() {
        if (blank(disputeComment)) {
            Refusal.show(FORM + ":dispute-comment", text().getString("billing.error.disputeComment"), "");
            return;
        }
        Refusal.attempt(
                        FORM + ":dispute-comment",
                        text(),
                        () -> chargeback.dispute(currentCaller.get(), month, disputeComment.strip()))
                .ifPresent(s -> {
                    Refusal.inform(text(), "billing.disputed", s.month().toString());
                    disputeComment = null;
                });
        forget();
    }

    /** A platform admin drafts (or refreshes) the picked ended month of the department now. */
    public void close() {
        var caller = admin();
        var wanted = blank(closeMonth) ? month : closeMonth;
        Refusal.attempt(FORM + ":close-month", text(), () -> chargeback.close(caller, department, wanted))
                .ifPresent(s -> Refusal.inform(
                        text(),
                        "billing.closed",
                        s.month().toString(),
                        status(s.status().name())));
        forget();
    }

    /** A platform admin issues the picked month's draft now. */
    public void issue() {
        var caller = admin();
        var wanted = blank(closeMonth) ? month : closeMonth;
        Refusal.attempt(FORM + ":close-month", text(), () -> chargeback.issue(caller, department, wanted))
                .ifPresent(
                        s -> Refusal.inform(text(), "billing.issued", s.month().toString(), s.number()));
        forget();
    }

    /** A platform admin voids the shown issued statement, with a reason. */
    public void voidStatement() {
        var caller = admin();
        var shown = getDetail();
        if (blank(voidReason)) {
            Refusal.show(FORM + ":void-reason", text().getString("billing.error.voidReason"), "");
            return;
        }
        if (shown == null || shown.number() == null) {
            Refusal.show(FORM + ":void-reason", text().getString("billing.error.notIssued"), "");
            return;
        }
        Refusal.attempt(
                        FORM + ":void-reason",
                        text(),
                        () -> chargeback.voidStatement(caller, shown.number(), voidReason))
                .ifPresent(s -> {
                    Refusal.inform(text(), "billing.voided", s.number());
                    voidReason = null;
                });
        forget();
    }

    /** The ended months a platform admin may close: the twelve before this one, newest first. */
    public List<String> getEndedMonths() {
        var now = chargeback.currentMonth();
        var months = new ArrayList<String>();
        for (int i = 1; i <= 12; i++) {
            months.add(now.minusMonths(i).toString());
        }
        return months;
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

    private String status(String name) {
        return text().getString("billing.status." + name);
    }

    private void forget() {
        statements = null;
        detail = null;
        budget = null;
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    /** The signed-in platform admin: the actions are rendered only for them, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins close, issue or void statements");
        }
        return caller;
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

    public String getAcceptComment() {
        return acceptComment;
    }

    public void setAcceptComment(String acceptComment) {
        this.acceptComment = acceptComment;
    }

    public String getDisputeComment() {
        return disputeComment;
    }

    public void setDisputeComment(String disputeComment) {
        this.disputeComment = disputeComment;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }

    public String getCloseMonth() {
        return closeMonth;
    }

    public void setCloseMonth(String closeMonth) {
        this.closeMonth = closeMonth;
    }
}
