package org.citymaas.billing.errors;

/** A statement is not where the asked change can start: accepting what is not a DRAFT, issuing what is not a DRAFT, voiding what is not ISSUED. */
public class StatementStateException extends BillingException {

    public StatementStateException(String message) {
        super(message);
    }
}
