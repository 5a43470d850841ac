package org.citymaas.portal.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.citymaas.portal.exports.control.FinanceExports;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The month's files for the city's finance system under {@code /api/v1/billing/exports}: platform
 * admins and the finance bureau download them, auditors may fetch the public key that verifies them.
 */
@Path("v1/billing/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FinanceFilesResource {

    @Inject
    FinanceFiles files;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("{month}")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(
            summary = "The month's finance files: FOCUS CSV and JSON Lines and the journal CSV, each with its"
                    + " Ed25519 signature (.sig) once every statement of the month is issued; ?preview=true"
                    + " lists an unsigned preview before")
    public List<String> exports(@PathParam("month") String month, @QueryParam("preview") boolean preview) {
        return files.files(month, preview).stream()
                .map(FinanceExports.ExportFile::name)
                .toList();
    }

    @GET
    @Path("{month}/{file}")
    @Produces({"text/csv", "application/jsonl", MediaType.TEXT_PLAIN})
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(summary = "One of the month's finance files (or its .sig), as named by the list")
    public Response export(@PathParam("month") String month, @PathParam("file") String name) {
        var file = files.file(currentCaller.get(), month, name);
        return Response.ok(file.bytes(), file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"")
                .build();
    }

    @GET
    @Path("signing-key")
    @Produces("application/x-pem-file")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The public key (PEM) that verifies the finance files' signatures offline")
    public String signingKey() {
        return files.publicKeyPem();
    }
}
