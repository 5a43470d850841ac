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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.citymaas.portal.access.entity.AccessStatus;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.errors.UnknownAccessRequestException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The platform admins' queue of access requests: list them by status, grant with a quota, or refuse. */
@Path("v1/access-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class AccessRequestsResource {

    @Inject
    AccessRequests requests;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "Every department's access requests with the status (default PENDING), oldest first")
    public List<AccessRequestView> list(@QueryParam("status") String status) {
        var wanted = status == null
                ? AccessStatus.PENDING
                : AccessStatus.of(status)
                        .orElseThrow(
                                () -> new InvalidParameterException("status", "must be PENDING, GRANTED or REFUSED"));
        return requests.list(wanted);
    }

    @POST
    @Path("{requestId}/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant: subscribe the department to the model with monthly limits (409: decided already)")
    public AccessRequestView grant(
            @PathParam("requestId") String requestId,
            @NotNull(message = "a JSON body is required") @Valid AccessGrant grant) {
        return requests.grant(id(requestId), grant, currentCaller.get());
    }

    @POST
    @Path("{requestId}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse with a reason the department reads (409: decided already)")
    public AccessRequestView refuse(
            @PathParam("requestId") String requestId,
            @NotNull(message = "a JSON body is required") @Valid AccessRefusal refusal) {
        return requests.refuse(id(requestId), refusal, currentCaller.get());
    }

    private static long id(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new UnknownAccessRequestException(-1);
        }
        return Long.parseLong(text);
    }
}
