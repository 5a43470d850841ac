package org.citymaas.billing.budgets.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.citymaas.billing.budgets.entity.AlertEvent;
import org.citymaas.billing.budgets.entity.BudgetAlert;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Evaluates a department's month against its budget: reads the budget and the active alerts, asks
 * {@link AlertRule} what is due, and applies each change conditionally through {@link AlertLedger}, so
 * that what it returns is exactly what this call changed (a change another caller made first is not
 * returned again).
 */
public final class BudgetMonitor {

    private final BudgetStore budgets = new BudgetStore();
    private final AlertLedger alerts = new AlertLedger();

    /** The alert transitions this evaluation made, in the order of the alert kinds. */
    public List<BudgetAlert> evaluate(
            Connection connection, TenantId tenant, YearMonth month, BigDecimal monthToDateCost, Instant now)
            throws SQLException {
        Objects.requireNonNull(tenant, "department");
        Objects.requireNonNull(month, "month");
        var budget = budgets.find(connection, tenant);
        var forecast = MonthEndForecast.of(month, monthToDateCost, now);
        var active = alerts.activeKinds(connection, tenant, month);
        var transitions = new ArrayList<BudgetAlert>();
        for (var change : AlertRule.changes(budget, monthToDateCost, forecast, active)) {
            if (change.event() == AlertEvent.FIRED) {
                var limit = budget.orElseThrow().monthlyLimit();
                if (alerts.fire(connection, tenant, month, change.kind(), change.observed(), limit, now)) {
                    transitions.add(new BudgetAlert(
                            tenant, month, change.kind(), AlertEvent.FIRED, now, change.observed(), limit));
                }
            } else {
                var firedBudget = alerts.resolve(connection, tenant, month, change.kind(), now);
                if (firedBudget.isPresent()) {
                    var limit = budget.map(current -> current.monthlyLimit()).orElse(firedBudget.get());
                    transitions.add(new BudgetAlert(
                            tenant, month, change.kind(), AlertEvent.RESOLVED, now, change.observed(), limit));
                }
            }
        }
        return transitions;
    }
}
