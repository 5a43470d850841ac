package org.citymaas.billing.errors;

/**
 * A budget that cannot be set: not more than zero, finer than the fen, too large to store, or without
 * who set it. The caller's mistake; nothing was stored.
 */
public class InvalidBudgetException extends BillingException {

    public InvalidBudgetException(String message) {
        super(message);
    }
}
