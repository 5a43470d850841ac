package org.citymaas.portal.errors;

/** A request the portal stopped waiting for because it is shutting down (503); its reservation was released. */
public class PortalStoppingException extends PortalException {

    public PortalStoppingException() {
        super(503, "Interrupted", "The portal is shutting down.", null);
    }
}
