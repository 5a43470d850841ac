package org.citymaas.portal.errors;

/** No access request has this id: 404. */
public class UnknownAccessRequestException extends PortalException {

    public UnknownAccessRequestException(long id) {
        super(404, "No such access request", "there is no access request " + id, null);
    }
}
