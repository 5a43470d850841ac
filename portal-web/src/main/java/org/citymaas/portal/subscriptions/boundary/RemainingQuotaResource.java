package org.citymaas.portal.subscriptions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the caller's department has used and has left this month, per subscribed model. */
@Path("v1/quotas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME})
public class RemainingQuotaResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The caller's department: used, left and reset time per subscribed model")
    public List<QuotaView> mine() {
        return currentCaller.get().department().map(subscriptions::quotas).orElse(List.of());
    }
}
