package org.citymaas.portal.departments.boundary;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.suspension.boundary.Suspensions;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Departments (tenants): platform admins create and see all; a tenant admin sees only their own. */
@Path("v1/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentsResource {

    @Inject
    DepartmentOnboarding onboarding;

    @Inject
    Departments departments;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail audit;

    @Inject
    Suspensions suspensions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Create a department with its Keycloak group, first tenant admin and API client")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid NewDepartment request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        var created = onboarding.create(request);
        audit.record(AuditTrail.by(currentCaller.get())
                .action("department.create")
                .resource("tenants/" + created.department().id())
                .outcome("OK", 201)
                .build());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.department().id())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME})
    @Operation(summary = "The departments the caller may see")
    public List<DepartmentView> list() {
        var caller = currentCaller.get();
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return departments.list().stream().map(DepartmentView::of).toList();
        }
        return caller.department()
                .flatMap(departments::find)
                .map(d -> List.of(DepartmentView.of(d)))
                .orElse(List.of());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME})
    @Operation(summary = "One department (a tenant admin sees only their own; others answer 404)")
    public DepartmentView get(@PathParam("id") String id) {
        var caller = currentCaller.get();
        var tenant = DepartmentIds.parse(id);
        if (!caller.has(Role.PLATFORM_ADMIN) && !tenant.equals(caller.tenant())) {
            throw new DepartmentNotFoundException(tenant);
        }
        return DepartmentView.of(departments.get(tenant));
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Suspend a department: its members and clients get 403 within seconds, its batch jobs pause")
    public DepartmentView suspend(@PathParam("id") String id) {
        return suspensions.suspend(DepartmentIds.parse(id), currentCaller.get());
    }

    @POST
    @Path("{id}/reactivate")
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Reactivate a suspended department; its batch jobs resume")
    public DepartmentView reactivate(@PathParam("id") String id) {
        var tenant = DepartmentIds.parse(id);
        var view = suspensions.reactivate(tenant, currentCaller.get());
        suspensions.resumeBatches(tenant);
        return view;
    }
}
