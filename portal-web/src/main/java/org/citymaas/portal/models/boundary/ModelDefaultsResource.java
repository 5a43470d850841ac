package org.citymaas.portal.models.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A model's default version (platform admins): roll it back to the previous default, audited. */
@Path("v1/models/{name}/default")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class ModelDefaultsResource {

    @Inject
    ModelLifecycle lifecycle;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Path("rollback")
    @Operation(summary = "Make the previous default version the default again")
    public ModelVersionView rollBack(@PathParam("name") String name) {
        return lifecycle.rollBack(name, currentCaller.get());
    }
}
