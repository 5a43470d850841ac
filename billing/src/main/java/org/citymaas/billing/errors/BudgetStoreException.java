package org.citymaas.billing.errors;

/** Budgets or their alert state could not be read or written: the platform's failure, never the caller's. */
public class BudgetStoreException extends BillingException {

    public BudgetStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
