package org.citymaas.billing.errors;

/**
 * An export was asked of statements it cannot honestly hold: another month's, a month not yet closed
 * for a final export, two statements of one department, or none at all.
 */
public class ExportRefusedException extends BillingException {

    public ExportRefusedException(String message) {
        super(message);
    }
}
