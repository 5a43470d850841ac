package org.citymaas.portal.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who am I: the caller as the portal sees it, whichever way it signed in. */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.AUDITOR_NAME})
public class MeResource {

    @Inject
    Whoami whoami;

    @GET
    @Operation(summary = "The signed-in caller: name, kind, department and roles")
    public CallerView me() {
        return whoami.current();
    }
}
