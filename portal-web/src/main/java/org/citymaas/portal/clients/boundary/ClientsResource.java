package org.citymaas.portal.clients.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.citymaas.portal.departments.boundary.DepartmentScope;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A department's API clients: its tenant admins (own department only) and platform admins (any department). */
@Path("v1/tenants/{id}/clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
public class ClientsResource {

    @Inject
    ApiClients clients;

    @Inject
    DepartmentScope scope;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The department's API clients (never their secrets)")
    public List<ApiClientView> list(@PathParam("id") String id) {
        return clients.list(scope.administered(id, currentCaller.get()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a client <department>-<name> acting as staff; its secret is shown once")
    public Response create(
            @PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid NewApiClient request,
            @Context UriInfo uri) {
        var caller = currentCaller.get();
        var created = clients.create(scope.administered(id, caller), request, caller);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.client().clientId())
                        .build())
                .entity(created)
                .build();
    }

    @POST
    @Path("{clientId}/secret")
    @Operation(
            summary = "Regenerate the client's secret, shown once. gracePeriod (ISO-8601, PT1S to P7D, e.g. PT1H): the"
                    + " old secret still obtains tokens that long; without it the old one stops at once")
    public ClientSecretView rotate(
            @PathParam("id") String id,
            @PathParam("clientId") String clientId,
            @QueryParam(GracePeriod.PARAMETER) String gracePeriod) {
        var grace = GracePeriod.parse(gracePeriod);
        var caller = currentCaller.get();
        return clients.rotate(scope.administered(id, caller), clientId, grace, caller);
    }

    @DELETE
    @Path("{clientId}/old-secret")
    @Operation(summary = "End the old secret's grace period now: it obtains no more tokens (409 when none is valid)")
    public ApiClientView endGrace(@PathParam("id") String id, @PathParam("clientId") String clientId) {
        var caller = currentCaller.get();
        return clients.endGrace(scope.administered(id, caller), clientId, caller);
    }

    @POST
    @Path("{clientId}/disable")
    @Operation(summary = "Keycloak issues the client no more tokens (those issued stay valid until they expire)")
    public ApiClientView disable(@PathParam("id") String id, @PathParam("clientId") String clientId) {
        var caller = currentCaller.get();
        return clients.setEnabled(scope.administered(id, caller), clientId, false, caller);
    }

    @POST
    @Path("{clientId}/enable")
    @Operation(summary = "Keycloak issues the client tokens again")
    public ApiClientView enable(@PathParam("id") String id, @PathParam("clientId") String clientId) {
        var caller = currentCaller.get();
        return clients.setEnabled(scope.administered(id, caller), clientId, true, caller);
    }
}
