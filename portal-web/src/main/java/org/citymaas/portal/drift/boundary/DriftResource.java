package org.citymaas.portal.drift.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Drift of live use against the model cards' held-out distributions, for platform admins and auditors. */
@Path("v1/drift")
@RequestScoped
@RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.AUDITOR_NAME})
public class DriftResource {

    @Inject
    DriftReports reports;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A month's (YYYY-MM, default: this month, Asia/Shanghai) predictions per department and model"
                    + " version, binned as the version's card bins its held-out predictions, with the population"
                    + " stability index against them and a verdict (drift at or above the threshold, watch,"
                    + " stable, too-few below the minimum, no-reference). Counts only, no personal data. Audited.")
    public DriftReportView report(@QueryParam("month") String month) {
        return DriftReportView.of(reports.report(currentCaller.get(), month, "v1/drift"));
    }
}
