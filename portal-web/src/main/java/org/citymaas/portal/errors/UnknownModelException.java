package org.citymaas.portal.errors;

/** The catalog has no such model or version (or, to a department, it is not subscribed: the same answer). */
public class UnknownModelException extends PortalException {

    public UnknownModelException(String detail) {
        super(404, "No such model", detail, null);
    }
}
