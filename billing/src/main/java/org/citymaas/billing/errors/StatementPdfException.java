package org.citymaas.billing.errors;

/** A statement could not be rendered as a PDF (its font missing or unreadable): the platform's failure. */
public class StatementPdfException extends BillingException {

    public StatementPdfException(String message) {
        super(message);
    }

    public StatementPdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
