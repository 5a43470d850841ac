package org.citymaas.portal.errors;

import java.math.BigDecimal;
import java.util.Map;

/** The department's hard monthly budget is spent: new requests are refused until it is raised or the month ends. */
public class BudgetExhaustedException extends PortalException {

    public BudgetExhaustedException(BigDecimal budget, BigDecimal monthToDate) {
        super(
                402,
                "Budget exhausted",
                "Your department's monthly budget of " + budget.toPlainString() + " CNY is spent ("
                        + monthToDate.toPlainString() + " CNY this month) and is enforced: new requests are"
                        + " refused until a platform admin raises it or the month ends (Asia/Shanghai).",
                Map.of("budget", budget.toPlainString(), "monthToDate", monthToDate.toPlainString()));
    }
}
