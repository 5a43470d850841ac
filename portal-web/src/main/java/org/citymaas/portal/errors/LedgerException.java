package org.citymaas.portal.errors;

/** The database could not be read or written: our fault, answered 500 (and logged). */
public class LedgerException extends PortalException {

    public LedgerException(String detail, Throwable cause) {
        super(500, "Internal error", detail, null, cause);
    }
}
