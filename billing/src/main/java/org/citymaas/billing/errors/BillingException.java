package org.citymaas.billing.errors;

/** The root of what billing refuses or fails at; the portal turns each kind into its HTTP answer. */
public class BillingException extends RuntimeException {

    public BillingException(String message) {
        super(message);
    }

    public BillingException(String message, Throwable cause) {
        super(message, cause);
    }
}
