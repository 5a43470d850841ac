package org.citymaas.portal.billing.entity;

import java.util.List;

/**
 * A department's month against its budget, as the API shows it (amounts in CNY as decimal strings).
 *
 * @param department the department's id
 * @param month the month, YYYY-MM
 * @param monthlyLimit its budget, or null for none
 * @param mode SOFT or HARD, or null
 * @param monthToDate the month's cost so far
 * @param forecast the month-end forecast, or null in the month's first day
 * @param activeAlerts the alerts that fired and have not resolved, e.g. {@code ACTUAL_80}
 */
public record BudgetView(
        String department,
        String month,
        String monthlyLimit,
        String mode,
        String monthToDate,
        String forecast,
        List<String> activeAlerts) {

    public static BudgetView of(BudgetStatus status) {
        return new BudgetView(
                status.department(),
                status.month().toString(),
                status.budget().map(b -> b.monthlyLimit().toPlainString()).orElse(null),
                status.budget().map(b -> b.mode().name()).orElse(null),
                status.monthToDate().toPlainString(),
                status.forecast().map(f -> f.toPlainString()).orElse(null),
                status.active().stream().map(a -> a.kind().name()).toList());
    }
}
