package org.citymaas.billing.errors;

/** A month is closed only after it has ended (Asia/Shanghai): its statement would miss the rest of the month. */
public class MonthNotEndedException extends BillingException {

    public MonthNotEndedException(String message) {
        super(message);
    }
}
