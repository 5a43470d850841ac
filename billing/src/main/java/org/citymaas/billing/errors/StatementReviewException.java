package org.citymaas.billing.errors;

/** Only the department's budget holder accepts or disputes its draft, and a dispute says why. */
public class StatementReviewException extends BillingException {

    public StatementReviewException(String message) {
        super(message);
    }
}
