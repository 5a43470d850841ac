package org.citymaas.portal.errors;

/** No such batch job (or, to another department, not theirs: the same answer). */
public class UnknownBatchException extends PortalException {

    public UnknownBatchException(String detail) {
        super(404, "No such batch", detail, null);
    }
}
