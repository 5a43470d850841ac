package org.citymaas.billing.errors;

/** No statement has the number, or the department has no statement of the month. */
public class StatementNotFoundException extends BillingException {

    public StatementNotFoundException(String message) {
        super(message);
    }
}
