package org.citymaas.billing.budgets.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.billing.budgets.control.AlertLedger;
import org.citymaas.billing.budgets.control.BudgetMonitor;
import org.citymaas.billing.budgets.control.BudgetStore;
import org.citymaas.billing.budgets.control.MonthEndForecast;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlert;
import org.citymaas.billing.errors.BudgetStoreException;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Departments' monthly budgets and their alerts. Writes join the caller's transaction, so that the
 * caller's audit events commit (or roll back) with the change they record. {@link #evaluate} returns
 * each alert transition to exactly one caller, even with several portal instances evaluating at once.
 */
@ApplicationScoped
@Transactional
public class Budgets {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    private final BudgetStore store = new BudgetStore();
    private final AlertLedger alerts = new AlertLedger();
    private final BudgetMonitor monitor = new BudgetMonitor();

    /** Sets the department's budget and mode, replacing the one it had; unknown departments are refused. */
    public void set(Budget budget) {
        try (var connection = dataSource.getConnection()) {
            store.save(connection, budget);
        } catch (SQLException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new InvalidBudgetException("there is no department '" + budget.tenant() + "' to budget for");
            }
            throw new BudgetStoreException("could not store the budget of " + budget.tenant(), e);
        }
    }

    /** Removes the department's budget; false when it had none. Its active alerts resolve at the next evaluation. */
    public boolean clear(TenantId tenant) {
        try (var connection = dataSource.getConnection()) {
            return store.clear(connection, tenant);
        } catch (SQLException e) {
            throw new BudgetStoreException("could not clear the budget of " + tenant, e);
        }
    }

    /** The department's budget, if it has one: one read by primary key. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Budget> find(TenantId tenant) {
        try (var connection = dataSource.getConnection()) {
            return store.find(connection, tenant);
        } catch (SQLException e) {
            throw new BudgetStoreException("could not read the budget of " + tenant, e);
        }
    }

    /** Every department's budget, by department. */
    @Transactional(TxType.SUPPORTS)
    public List<Budget> all() {
        try (var connection = dataSource.getConnection()) {
            return store.all(connection);
        } catch (SQLException e) {
            throw new BudgetStoreException("could not read the budgets", e);
        }
    }

    /**
     * Whether the department's HARD budget refuses new requests at this month-to-date cost (the cost
     * reached the budget); never for a SOFT budget or none. One read by primary key; a caller that
     * caches {@link #find} can ask {@link Budget#blocks} itself.
     */
    @Transactional(TxType.SUPPORTS)
    public boolean blocks(TenantId tenant, BigDecimal monthToDateCost) {
        return find(tenant).map(budget -> budget.blocks(monthToDateCost)).orElse(false);
    }

    /**
     * Compares the month-to-date cost (CNY) and the month-end forecast with the department's budget and
     * returns the alert transitions this call made, in the order of the alert kinds: each threshold
     * fires once while it stays crossed, resolves once when the value drops back, and may fire again on
     * a later crossing in the same month. Empty when nothing changed (or another caller made the change).
     */
    public List<BudgetAlert> evaluate(TenantId tenant, YearMonth month, BigDecimal monthToDateCost, Instant now) {
        try (var connection = dataSource.getConnection()) {
            return monitor.evaluate(connection, tenant, month, monthToDateCost, now);
        } catch (SQLException e) {
            throw new BudgetStoreException("could not evaluate the budget of " + tenant + " for " + month, e);
        }
    }

    /** The department's active alerts (fired, not resolved) in the month, each as its last firing. */
    @Transactional(TxType.SUPPORTS)
    public List<BudgetAlert> active(TenantId tenant, YearMonth month) {
        try (var connection = dataSource.getConnection()) {
            return alerts.active(connection, tenant, month);
        } catch (SQLException e) {
            throw new BudgetStoreException("could not read the budget alerts of " + tenant, e);
        }
    }

    /** Every department's active alerts in the month, for platform admins. */
    @Transactional(TxType.SUPPORTS)
    public List<BudgetAlert> activeEverywhere(YearMonth month) {
        try (var connection = dataSource.getConnection()) {
            return alerts.activeEverywhere(connection, month);
        } catch (SQLException e) {
            throw new BudgetStoreException("could not read the budget alerts of " + month, e);
        }
    }

    /** The month-end forecast (CNY, see {@link MonthEndForecast}), or empty early in the month. No database. */
    @Transactional(TxType.SUPPORTS)
    public Optional<BigDecimal> forecast(YearMonth month, BigDecimal monthToDateCost, Instant now) {
        return MonthEndForecast.of(month, monthToDateCost, now);
    }
}
