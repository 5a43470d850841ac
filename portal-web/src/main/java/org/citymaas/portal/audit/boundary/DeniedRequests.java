package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.citymaas.portal.signin.CurrentCaller;

/** Audits every API answer of 403 (the caller's roles do not allow the operation), wherever it came from. */
@Provider
@ApplicationScoped
public class DeniedRequests implements ContainerResponseFilter {

    @Inject
    AuditTrail trail;

    @Inject
    CurrentCaller currentCaller;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 403) {
            return;
        }
        var event = currentCaller.find().map(AuditTrail::by).orElseGet(AuditTrail::anonymous);
        trail.record(event.action("api." + request.getMethod().toLowerCase(java.util.Locale.ROOT))
                .resource(AuditTrail.resourcePath(request.getUriInfo().getPath()))
                .outcome("DENIED", 403)
                .build());
    }
}
