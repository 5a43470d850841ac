package org.citymaas.portal.errors;

/**
 * The catalog has no such model or version (404). A department that does not subscribe to it gets
 * tenant-core's {@code NotSubscribedException}, answered alike: unknown and unsubscribed look the same.
 */
public class UnknownModelException extends PortalException {

    public UnknownModelException(String detail) {
        super(404, "No such model", detail, null);
    }
}
