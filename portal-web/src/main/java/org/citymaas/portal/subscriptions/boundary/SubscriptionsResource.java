package org.citymaas.portal.subscriptions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Platform admins grant departments access to catalog models (all versions or a pinned one). */
@Path("v1/tenants/{id}/subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe the department to a model (replaces an existing subscription's pin)")
    public Response grant(
            @PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid NewSubscription request,
            @Context UriInfo uri) {
        var granted = subscriptions.grant(DepartmentIds.parse(id), request, currentCaller.get());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(granted.model()).build())
                .entity(granted)
                .build();
    }

    @GET
    @Operation(summary = "The department's subscriptions")
    public List<SubscriptionView> list(@PathParam("id") String id) {
        return subscriptions.list(DepartmentIds.parse(id));
    }

    @DELETE
    @Path("{model}")
    @Operation(summary = "End the department's subscription to a model")
    public Response revoke(@PathParam("id") String id, @PathParam("model") String model) {
        if (!subscriptions.revoke(DepartmentIds.parse(id), model, currentCaller.get())) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
