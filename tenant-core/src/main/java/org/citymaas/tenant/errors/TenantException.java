package org.citymaas.tenant.errors;

/** The root of what tenant-core refuses; the portal turns each kind into its HTTP answer. */
public class TenantException extends RuntimeException {

    public TenantException(String message) {
        super(message);
    }

    public TenantException(String message, Throwable cause) {
        super(message, cause);
    }
}
