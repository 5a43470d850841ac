package org.citymaas.billing.budgets.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A budget alert's transition, or (from the active-alert reads) the last firing of an alert still active.
 *
 * @param tenant the department
 * @param month the month (Asia/Shanghai) the alert belongs to
 * @param kind which threshold
 * @param event fired or resolved
 * @param at when it happened
 * @param observed CNY compared with the threshold: the month-to-date cost, or the month-end forecast for
 *     {@link BudgetAlertKind#FORECAST_100}
 * @param budget the monthly budget in CNY compared with; for a resolve after the budget was cleared,
 *     the budget it fired at
 */
public record BudgetAlert(
        TenantId tenant,
        YearMonth month,
        BudgetAlertKind kind,
        AlertEvent event,
        Instant at,
        BigDecimal observed,
        BigDecimal budget) {

    public BudgetAlert {
        Objects.requireNonNull(tenant, "department");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "alert kind");
        Objects.requireNonNull(event, "alert event");
        Objects.requireNonNull(at, "time");
        Objects.requireNonNull(observed, "observed amount");
        Objects.requireNonNull(budget, "budget");
    }
}
