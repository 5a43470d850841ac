package org.citymaas.portal.usage.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.usage.control.UsageCsv;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A department's usage per model per day for a month (Asia/Shanghai), as JSON or as a CSV download
 * ({@code Accept: text/csv}). Tenant admins see their own department; platform admins name one.
 */
@Path("v1/usage")
@RequestScoped
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
public class UsageResource {

    @Inject
    UsageReports reports;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=1")
    @Operation(summary = "Usage per model per day of a month (YYYY-MM, default: this month), with month totals")
    public UsageReportView report(@QueryParam("month") String month, @QueryParam("department") String department) {
        return reports.report(currentCaller.get(), month, department);
    }

    @GET
    @Produces(UsageCsv.MEDIA_TYPE + ";qs=0.5")
    @Operation(summary = "The same report as a CSV file (UTF-8 with BOM)")
    public Response csv(@QueryParam("month") String month, @QueryParam("department") String department) {
        var usage = reports.usage(currentCaller.get(), month, department);
        StreamingOutput body = out -> UsageCsv.write(usage, out);
        return Response.ok(body, UsageCsv.MEDIA_TYPE + ";charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + UsageCsv.filename(usage) + "\"")
                .build();
    }
}
