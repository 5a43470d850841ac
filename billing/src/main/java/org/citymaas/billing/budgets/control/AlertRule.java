package org.citymaas.billing.budgets.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citymaas.billing.budgets.entity.AlertEvent;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlertKind;

/**
 * Which budget alerts should fire or resolve, given which are active. An alert fires when its value
 * (the month-to-date cost, or the forecast) reaches its threshold and it is not active; it resolves
 * when the value is back below the threshold. A forecast alert resolves only below {@link
 * #FORECAST_RESOLVES_BELOW_PERCENT}% of the budget: a forecast moves with every request and with the
 * clock, and would otherwise fire and resolve again and again around 100%. Without a forecast (too
 * early in the month) a forecast alert stays as it is. Without a budget every active alert resolves.
 */
public final class AlertRule {

    /** Below this share of the budget (percent) an active forecast alert resolves. */
    public static final int FORECAST_RESOLVES_BELOW_PERCENT = 95;

    /** A change the rule asks for, and the value it compared. */
    public record Change(BudgetAlertKind kind, AlertEvent event, BigDecimal observed) {}

    private AlertRule() {}

    /** The changes due, in the order of {@link BudgetAlertKind}. */
    public static List<Change> changes(
            Optional<Budget> budget,
            BigDecimal monthToDateCost,
            Optional<BigDecimal> forecast,
            Set<BudgetAlertKind> active) {
        var changes = new ArrayList<Change>();
        for (var kind : BudgetAlertKind.values()) {
            var observed = kind.watchesForecast() ? forecast : Optional.of(monthToDateCost);
            var isActive = active.contains(kind);
            if (budget.isEmpty()) {
                if (isActive) {
                    changes.add(new Change(kind, AlertEvent.RESOLVED, observed.orElse(monthToDateCost)));
                }
                continue;
            }
            if (observed.isEmpty()) {
                continue;
            }
            var limit = budget.get().monthlyLimit();
            var value = observed.get();
            if (!isActive && value.compareTo(kind.threshold(limit)) >= 0) {
                changes.add(new Change(kind, AlertEvent.FIRED, value));
            } else if (isActive && value.compareTo(resolvesBelow(kind, limit)) < 0) {
                changes.add(new Change(kind, AlertEvent.RESOLVED, value));
            }
        }
        return changes;
    }

    private static BigDecimal resolvesBelow(BudgetAlertKind kind, BigDecimal limit) {
        if (!kind.watchesForecast()) {
            return kind.threshold(limit);
        }
        return limit.multiply(BigDecimal.valueOf(FORECAST_RESOLVES_BELOW_PERCENT))
                .movePointLeft(2);
    }
}
