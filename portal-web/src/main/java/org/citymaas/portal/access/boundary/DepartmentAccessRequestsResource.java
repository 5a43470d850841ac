package org.citymaas.portal.access.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.errors.OtherDepartmentException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A department's access requests: its staff and tenant admins ask for a catalog model and follow their requests. */
@Path("v1/tenants/{id}/access-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME})
public class DepartmentAccessRequestsResource {

    @Inject
    AccessRequests requests;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a published catalog model, with a justification (409: one is pending already)")
    public Response request(
            @PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid NewAccessRequest request,
            @Context UriInfo uri) {
        var caller = currentCaller.get();
        var created = requests.request(own(id, caller), request, caller);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "The department's access requests, newest first")
    public List<AccessRequestView> list(@PathParam("id") String id) {
        return requests.list(own(id, currentCaller.get()));
    }

    /** The caller's own department, or 403 for any other. */
    private static TenantId own(String id, Caller caller) {
        var tenant = caller.tenant();
        if (tenant == null || !tenant.value().equals(id)) {
            throw new OtherDepartmentException(DepartmentIds.parse(id).value());
        }
        return tenant;
    }
}
