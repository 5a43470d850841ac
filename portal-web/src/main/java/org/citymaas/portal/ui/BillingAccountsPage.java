package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.citymaas.billing.budgets.boundary.Budgets;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.portal.billing.boundary.Accounts;
import org.citymaas.portal.billing.boundary.BudgetDesk;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The billing close page's accounts and budgets: every active department's cost centre, budget
 * holder and monthly budget, and a form for one department ({@code ?edit=department}) that sets them
 * through the same {@link Accounts} and {@link BudgetDesk} use cases as the API. Bad input is shown at
 * its field.
 */
@Named
@ViewScoped
public class BillingAccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The id of the form with the accounts and budgets. */
    static final String FORM = "billing-accounts-form";

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
    transient Accounts accounts;

    @Inject
    transient BudgetDesk budgetDesk;

    @Inject
    transient Budgets budgets;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String edit;
    private String editing;
    private String costCentre;
    private String budgetHolder;
    private String budgetAmount;
    private String budgetMode = "SOFT";
    private transient List<AccountRow> accountRows;

    /** Opens the form for the department in the address, if one is named. */
    public void load() {
        if (PageParameter.judge(edit, PageParameter.DEPARTMENT) == PageParameter.WELL_FORMED) {
            edit(edit);
        }
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

    public boolean isEditing() {
        return editing != null;
    }

    public String getEditing() {
        return editing;
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

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    /** The signed-in platform admin: web.xml keeps everyone else off this page, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins set billing accounts and budgets");
        }
        return caller;
    }
}
