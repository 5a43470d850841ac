package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The inference path's budget check, from memory: which departments' HARD budgets are spent, as the
 * last evaluation found (the scheduled one, every minute by default, and one after each budget
 * change on this instance). A request costs no database read here; the price is that a department
 * crossing its budget is stopped at the next evaluation, not at the very request that crossed it.
 */
@ApplicationScoped
public class BudgetGuard {

    private record Spent(BigDecimal budget, BigDecimal monthToDate) {}

    private final Map<TenantId, Spent> exhausted = new ConcurrentHashMap<>();

    /**
     * Refuses a new request of a department whose enforced budget is spent.
     *
     * @throws BudgetExhaustedException the department's HARD budget is spent
     */
    public void admit(TenantId tenant) {
        if (tenant == null) {
            return;
        }
        var spent = exhausted.get(tenant);
        if (spent != null) {
            throw new BudgetExhaustedException(spent.budget(), spent.monthToDate());
        }
    }

    /** What an evaluation found: the department's budget (if any) and its month-to-date cost. */
    void update(TenantId tenant, Optional<Budget> budget, BigDecimal monthToDate) {
        if (budget.isPresent() && budget.get().blocks(monthToDate)) {
            exhausted.put(tenant, new Spent(budget.get().monthlyLimit(), monthToDate));
        } else {
            exhausted.remove(tenant);
        }
    }

    /** Forgets every department's state (a new month begins with nothing spent). */
    void clear() {
        exhausted.clear();
    }
}
