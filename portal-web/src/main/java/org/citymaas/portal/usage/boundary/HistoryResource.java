package org.citymaas.portal.usage.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own recent inference requests and explanations, every outcome, newest first. */
@Path("v1/me/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME})
public class HistoryResource {

    @Inject
    RequestHistory history;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(
            summary = "My recent requests and explanations (limit 1-500, default 50): time, kind (infer or explain),"
                    + " model, version, request id, outcome, rows and compute time charged")
    public List<HistoryEntryView> recent(@QueryParam("limit") String limit) {
        return history.recent(currentCaller.get(), limit);
    }
}
