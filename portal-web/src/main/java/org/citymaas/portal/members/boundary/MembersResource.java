package org.citymaas.portal.members.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.citymaas.portal.departments.boundary.DepartmentScope;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A department's members: its tenant admins (own department only) and platform admins (any department). */
@Path("v1/tenants/{id}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
public class MembersResource {

    @Inject
    Memberships memberships;

    @Inject
    DepartmentScope scope;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The department's members with their role and last sign-in")
    public List<MemberView> list(@PathParam("id") String id) {
        return memberships.list(scope.administered(id, currentCaller.get()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a new account (temporary password shown once) or an existing one to the department")
    public Response add(
            @PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid NewMember request,
            @Context UriInfo uri) {
        var caller = currentCaller.get();
        var added = memberships.add(scope.administered(id, caller), request, caller);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(added.member().username())
                        .build())
                .entity(added)
                .build();
    }

    @PUT
    @Path("{username}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a member staff or tenant admin (the last tenant admin stays: 409)")
    public MemberView changeRole(
            @PathParam("id") String id,
            @PathParam("username") String username,
            @NotNull(message = "a JSON body is required") @Valid RoleChange change) {
        var caller = currentCaller.get();
        return memberships.changeRole(scope.administered(id, caller), username, change, caller);
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Remove a member from the department (the last tenant admin stays: 409)")
    public Response remove(@PathParam("id") String id, @PathParam("username") String username) {
        var caller = currentCaller.get();
        memberships.remove(scope.administered(id, caller), username, caller);
        return Response.noContent().build();
    }
}
