package org.citymaas.portal.billing.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlert;

/**
 * A department's month against its budget.
 *
 * @param department the department's id
 * @param month the month (Asia/Shanghai)
 * @param budget its budget, if it has one
 * @param monthToDate the month's cost so far, CNY
 * @param forecast the month-end forecast, once a day of the month has passed
 * @param active the alerts that fired and have not resolved
 */
public record BudgetStatus(
        String department,
        YearMonth month,
        Optional<Budget> budget,
        BigDecimal monthToDate,
        Optional<BigDecimal> forecast,
        List<BudgetAlert> active) {}
