package org.citymaas.portal.subscriptions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Platform admins set a department's monthly limits per model. */
@Path("v1/tenants/{id}/quotas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class QuotasResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    CurrentCaller currentCaller;

    @PUT
    @Path("{model}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the department's monthly request and row limits for a model (Asia/Shanghai months)")
    public QuotaView set(
            @PathParam("id") String id,
            @PathParam("model") String model,
            @NotNull(message = "a JSON body is required") @Valid QuotaLimits limits) {
        limits.requireNonNegative(); // refused before the department is looked at, as the use case does
        return subscriptions.setQuota(DepartmentIds.parse(id), model, limits, currentCaller.get());
    }
}
