package org.citymaas.tenant.errors;

/** tenant-core's tables could not be read or written: the platform's failure, never the caller's. */
public class TenantStorageException extends TenantException {

    public TenantStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
