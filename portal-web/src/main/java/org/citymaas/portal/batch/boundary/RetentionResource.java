package org.citymaas.portal.batch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Retention on demand, for platform admins (the timer runs it daily): what was purged, in counts. */
@Path("v1/admin/retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class RetentionResource {

    @Inject
    BatchRetention retention;

    @Inject
    CurrentCaller currentCaller;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Path("run")
    @Operation(
            summary = "Apply the batch retention now: finished jobs older than citymaas.batch.retention (default"
                    + " P30D) lose their lines (so their results answer 410) and file names; audited as"
                    + " batch.retention")
    public RetentionRunView run() {
        return RetentionRunView.of(retention.runNow(currentCaller.get(), servletRequest.getRemoteAddr()));
    }
}
