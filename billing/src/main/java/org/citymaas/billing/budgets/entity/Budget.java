package org.citymaas.billing.budgets.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's monthly budget in CNY and how it is enforced; it applies to every month until it is
 * changed or cleared.
 *
 * @param tenant the department
 * @param monthlyLimit CNY per month, more than zero, in fen (at most two decimals that are not zero)
 * @param mode whether reaching the budget only alerts or also refuses new requests
 * @param setBy who set it (a user name), for the banner and the audit trail
 * @param setAt when it was set
 */
public record Budget(TenantId tenant, BigDecimal monthlyLimit, EnforcementMode mode, String setBy, Instant setAt) {

    /** The largest budget the database keeps (numeric(14,2)). */
    public static final BigDecimal LARGEST = new BigDecimal("999999999999.99");

    public Budget {
        Objects.requireNonNull(tenant, "department");
        Objects.requireNonNull(mode, "enforcement mode");
        Objects.requireNonNull(setAt, "when the budget was set");
        if (monthlyLimit == null) {
            throw new InvalidBudgetException("a budget needs a monthly amount in CNY");
        }
        if (monthlyLimit.signum() <= 0) {
            throw new InvalidBudgetException(
                    "a monthly budget is more than 0 CNY, not " + monthlyLimit.toPlainString());
        }
        if (monthlyLimit.stripTrailingZeros().scale() > 2) {
            throw new InvalidBudgetException(
                    "a monthly budget is in fen (at most 2 decimals), not " + monthlyLimit.toPlainString() + " CNY");
        }
        if (monthlyLimit.compareTo(LARGEST) > 0) {
            throw new InvalidBudgetException("a monthly budget is at most " + LARGEST.toPlainString() + " CNY, not "
                    + monthlyLimit.toPlainString());
        }
        if (setBy == null || setBy.isBlank() || setBy.length() > 100) {
            throw new InvalidBudgetException("a budget names who set it (1 to 100 characters)");
        }
        monthlyLimit = monthlyLimit.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Whether this budget refuses new requests at this month-to-date cost: HARD, and the cost reached it. */
    public boolean blocks(BigDecimal monthToDateCost) {
        return mode == EnforcementMode.HARD && monthToDateCost.compareTo(monthlyLimit) >= 0;
    }
}
