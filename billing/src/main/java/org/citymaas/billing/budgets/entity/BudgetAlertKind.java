package org.citymaas.billing.budgets.entity;

import java.math.BigDecimal;

/**
 * The thresholds a department's month is watched at: a share of the budget reached by the actual
 * month-to-date cost, or by the month-end forecast.
 */
public enum BudgetAlertKind {
    ACTUAL_50(50, false),
    ACTUAL_80(80, false),
    ACTUAL_100(100, false),
    FORECAST_100(100, true);

    private final int percent;
    private final boolean forecast;

    BudgetAlertKind(int percent, boolean forecast) {
        this.percent = percent;
        this.forecast = forecast;
    }

    /** The share of the budget, in percent, at which the alert fires. */
    public int percent() {
        return percent;
    }

    /** Whether the alert watches the month-end forecast rather than the month-to-date cost. */
    public boolean watchesForecast() {
        return forecast;
    }

    /** The amount in CNY at which the alert fires for this budget. */
    public BigDecimal threshold(BigDecimal monthlyLimit) {
        return monthlyLimit.multiply(BigDecimal.valueOf(percent)).movePointLeft(2);
    }
}
