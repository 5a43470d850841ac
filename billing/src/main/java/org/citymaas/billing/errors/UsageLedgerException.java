package org.citymaas.billing.errors;

/** The usage ledger could not be read or written: the platform's failure, never the caller's. */
public class UsageLedgerException extends BillingException {

    public UsageLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
