package org.citymaas.portal.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The auditors' reports on the audit log, as PDF. */
@Path("v1/audit/reports")
@RequestScoped
public class AuditReportsResource {

    @Inject
    MonthlyReports reports;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("monthly")
    @Produces("application/pdf")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Operation(
            summary = "The monthly audit report of a department (department=<id>, month=YYYY-MM in Asia/Shanghai) as"
                    + " PDF: events by action and outcome, refusals by outcome and status, administrative changes,"
                    + " the chain range they span, its verification and the covering checkpoint's key id. Audited"
                    + " before it is read; 400 for an unknown department or a bad month.")
    public Response monthly(@QueryParam("department") String department, @QueryParam("month") String month) {
        var file = reports.monthly(currentCaller.get(), department, month);
        return Response.ok(file.body(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .build();
    }
}
