package org.citymaas.billing.errors;

/**
 * A price card would change what a card already prices: the same model, version and month, or a month
 * that has been billed. Prices are superseded from a later month, never edited.
 */
public class PriceCardConflictException extends BillingException {

    public PriceCardConflictException(String message) {
        super(message);
    }
}
