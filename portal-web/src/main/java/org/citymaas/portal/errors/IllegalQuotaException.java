package org.citymaas.portal.errors;

/** Quota limits that cannot be (negative). */
public class IllegalQuotaException extends PortalException {

    public IllegalQuotaException(String detail) {
        super(400, "Invalid input", detail, null);
    }
}
