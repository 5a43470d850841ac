package org.citymaas.portal.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.citymaas.billing.budgets.boundary.Budgets;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.errors.ExportRefusedException;
import org.citymaas.billing.pricing.entity.CityTotal;
import org.citymaas.billing.statements.boundary.Statements;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.portal.billing.boundary.Accounts;
import org.citymaas.portal.billing.boundary.BudgetDesk;
import org.citymaas.portal.billing.boundary.Chargeback;
import org.citymaas.portal.billing.boundary.FinanceFiles;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.exports.control.FinanceExports;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The platform admins' billing close page: for an ended month, every department's statement status
 * and total with the city total and its rounding line, the month's finance files (signed once every
 * statement is issued, an unsigned preview before; {@code ?file=} downloads one, like the API) and the
 * exports' public key; and every department's cost centre, budget holder and budget, each editable.
 */
@Named
@ViewScoped
public class AdminBillingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The id of the form with the accounts and budgets. */
    static final String FORM = "billing-accounts-form";

    /**
     * One department's month.
     *
     * @param department the department's id
     * @param nameZh its Chinese name
     * @param nameEn its English name
     * @param status OPEN, DRAFT, ISSUED or VOID, or NONE when it has no statement yet
     * @param number the statement number once issued
     * @param total the statement's total, CNY, or null
     * @param review ACCEPTED or DISPUTED, or null
     */
    public record MonthRow(
            String department,
            String nameZh,
            String nameEn,
            String status,
            String number,
            String total,
            String review) {}

    /**
     * A department's billing account and budget.
     *
     * @param department the department's id
     * @param nameZh its Chinese name
     * @param nameEn its English name
     * @param costCentre its cost centre
     * @param budgetHolder its budget holder
     * @param budget its monthly budget, CNY, or null
     * @param mode SOFT or HARD, or null
     */
    public record AccountRow(
            String department,
            String nameZh,
            String nameEn,
            String costCentre,
            String budgetHolder,
            String budget,
            String mode) {}

    @Inject
    transient Chargeback chargeback;

    @Inject
    transient Statements statements;

    @Inject
    transient Accounts accounts;

    @Inject
    transient BudgetDesk budgetDesk;

    @Inject
    transient Budgets budgets;

    @Inject
    transient FinanceFiles files;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String month;
    private String file;
    private String edit;
    private String error;
    private String editing;
    private String costCentre;
    private String budgetHolder;
    private String budgetAmount;
    private String budgetMode = "SOFT";
    private transient List<MonthRow> rows;
    private transient List<AccountRow> accountRows;
    private transient List<FinanceExports.ExportFile> exportFiles;
    private transient CityTotal cityTotal;

    /** Reads the month in the address (the last ended one when none); a bad month answers 400. */
    public void load() throws IOException {
        var ended = chargeback.currentMonth().minusMonths(1);
        if (PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MISSING) {
            month = ended.toString();
        }
        if (PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MALFORMED
                || !getMonths().contains(month)) {
            month = ended.toString();
            file = null;
            error = text().getString("adminBilling.error.month");
            PageParameter.status(400);
            return;
        }
        if (file != null && !file.isEmpty()) {
            download();
            return;
        }
        if (PageParameter.judge(edit, PageParameter.DEPARTMENT) == PageParameter.WELL_FORMED) {
            edit(edit);
        }
    }

    /** A finance file's stable id on the page: its kind, e.g. {@code focus-csv} or {@code journal-csv-sig}. */
    public String fileId(String name) {
        return idOf(name);
    }

    static String idOf(String name) {
        return name.replaceFirst("^citymaas-", "")
                .replaceFirst("-\\d{4}-\\d{2}(-preview)?", "")
                .replace('.', '-');
    }

    private void download() throws IOException {
        FinanceExports.ExportFile export;
        try {
            export = files.file(admin(), month, file);
        } catch (InvalidParameterException | ExportRefusedException e) {
            error = text().getString("adminBilling.error.file");
            file = null;
            PageParameter.status(404);
            return;
        }
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        var bytes = export.bytes();
        external.responseReset();
        external.setResponseContentType(export.mediaType());
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + export.name() + "\"");
        external.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    /** The ended months to pick from: the 24 before this one, newest first. */
    public List<String> getMonths() {
        var now = chargeback.currentMonth();
        var months = new ArrayList<String>();
        for (int i = 1; i <= 24; i++) {
            months.add(now.minusMonths(i).toString());
        }
        return months;
    }

    /** Every active department's statement of the month (or none yet). */
    public List<MonthRow> getRows() {
        if (rows == null) {
            Map<TenantId, Statement> byDepartment = chargeback.ofMonth(month).stream()
                    .collect(Collectors.toMap(s -> s.account().tenant(), Function.identity(), (a, b) -> a));
            rows = accounts.all().stream()
                    .map(a -> {
                        var s = byDepartment.get(a.tenant());
                        return new MonthRow(
                                a.tenant().value(),
                                a.nameZh(),
                                a.nameEn(),
                                s == null ? "NONE" : s.status().name(),
                                s == null ? null : s.number(),
                                s == null ? null : s.total().toPlainString(),
                                s == null || s.review() == null
                                        ? null
                                        : s.review().accepted() ? "ACCEPTED" : "DISPUTED");
                    })
                    .toList();
        }
        return rows;
    }

    /** The city's total of the month over its issued statements, with the rounding line. */
    public CityTotal getCityTotal() {
        if (cityTotal == null) {
            cityTotal = statements.cityTotal(YearMonth.parse(month));
        }
        return cityTotal;
    }

    /** The month's finance files: final and signed when every statement is issued, else a preview. */
    public List<FinanceExports.ExportFile> getFiles() {
        if (exportFiles == null) {
            exportFiles = exportFiles(false);
            if (exportFiles.isEmpty()) {
                exportFiles = exportFiles(true);
            }
        }
        return exportFiles;
    }

    private List<FinanceExports.ExportFile> exportFiles(boolean preview) {
        try {
            return files.files(month, preview);
        } catch (ExportRefusedException e) {
            return List.of();
        }
    }

    /** Whether the files shown are the final, signed ones. */
    public boolean isFinalFiles() {
        return getFiles().stream().anyMatch(f -> f.name().endsWith(".sig"));
    }

    public String getPublicKey() {
        return files.publicKeyPem();
    }

    /** Every active department's billing account and budget. */
    public List<AccountRow> getAccounts() {
        if (accountRows == null) {
            Map<TenantId, Budget> byDepartment =
                    budgets.all().stream().collect(Collectors.toMap(Budget::tenant, Function.identity()));
            accountRows = accounts.all().stream()
                    .map(a -> {
                        var b = byDepartment.get(a.tenant());
                        return new AccountRow(
                                a.tenant().value(),
                                a.nameZh(),
                                a.nameEn(),
                                a.costCentre(),
                                a.budgetHolder(),
                                b == null ? null : b.monthlyLimit().toPlainString(),
                                b == null ? null : b.mode().name());
                    })
                    .toList();
        }
        return accountRows;
    }

    /** Opens the edit form for a department, filled with its present account and budget. */
    public void edit(String department) {
        getAccounts().stream()
                .filter(a -> a.department().equals(department))
                .findFirst()
                .ifPresent(a -> {
                    editing = a.department();
                    costCentre = Accounts.UNASSIGNED.equals(a.costCentre()) ? null : a.costCentre();
                    budgetHolder = Accounts.UNASSIGNED.equals(a.budgetHolder()) ? null : a.budgetHolder();
                    budgetAmount = a.budget();
                    budgetMode = a.mode() == null ? "SOFT" : a.mode();
                });
    }

    public void cancel() {
        editing = costCentre = budgetHolder = budgetAmount = null;
        budgetMode = "SOFT";
    }

    /** Sets the edited department's cost centre and budget holder. */
    public void saveAccount() {
        if (editing == null) {
            return;
        }
        var text = text();
        try {
            accounts.set(admin(), editing, costCentre, budgetHolder);
            Refusal.inform(text, "adminBilling.account.saved", editing);
        } catch (InvalidParameterException e) {
            var field = "costCentre".equals(e.parameter()) ? "account-cost-centre" : "account-budget-holder";
            Refusal.show(FORM + ":" + field, text.getString("billing.refused"), e.getMessage());
        } finally {
            accountRows = null;
            rows = null;
        }
    }

    /** Sets the edited department's monthly budget. */
    public void saveBudget() {
        if (editing == null) {
            return;
        }
        var text = text();
        if (budgetAmount == null || budgetAmount.isBlank()) {
            Refusal.show(FORM + ":budget-amount", text.getString("adminBilling.error.budgetAmount"), "");
            return;
        }
        try {
            budgetDesk.set(admin(), editing, budgetAmount, budgetMode);
            Refusal.inform(text, "adminBilling.budget.saved", editing, budgetAmount.strip(), budgetMode);
        } catch (InvalidParameterException e) {
            var field = "mode".equals(e.parameter()) ? "budget-mode" : "budget-amount";
            Refusal.show(FORM + ":" + field, text.getString("billing.refused"), e.getMessage());
        } finally {
            accountRows = null;
        }
    }

    /** Removes the edited department's budget. */
    public void clearBudget() {
        if (editing == null) {
            return;
        }
        var cleared = budgetDesk.clear(admin(), editing);
        Refusal.inform(text(), cleared ? "adminBilling.budget.cleared" : "adminBilling.budget.none", editing);
        budgetAmount = null;
        accountRows = null;
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    /** The signed-in platform admin: web.xml keeps everyone else off this page, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins close months and set accounts and budgets");
        }
        return caller;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getEditing() {
        return editing;
    }

    public String getError() {
        return error;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getEdit() {
        return edit;
    }

    public void setEdit(String edit) {
        this.edit = edit;
    }

    public String getCostCentre() {
        return costCentre;
    }

    public void setCostCentre(String costCentre) {
        this.costCentre = costCentre;
    }

    public String getBudgetHolder() {
        return budgetHolder;
    }

    public void setBudgetHolder(String budgetHolder) {
        this.budgetHolder = budgetHolder;
    }

    public String getBudgetAmount() {
        return budgetAmount;
    }

    public void setBudgetAmount(String budgetAmount) {
        this.budgetAmount = budgetAmount;
    }

    public String getBudgetMode() {
        return budgetMode;
    }

    public void setBudgetMode(String budgetMode) {
        this.budgetMode = budgetMode;
    }
}
