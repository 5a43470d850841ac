package org.citymaas.portal.batch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Batch scoring over HTTP: a CSV file in (header = the model's input names), 202 and a job to
 * follow, the results as CSV when done. Unknown and other departments' jobs answer 404.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME})
public class BatchesResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    BatchScoring scoring;

    @Inject
    CurrentCaller currentCaller;

    @Context
    HttpServletRequest servletRequest;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("models/{name}/batches")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary = "Submit a CSV file (UTF-8, header = input names) to score line by line; explain=true adds"
                    + " each line's attribution as extra columns of the results (422 for a version that cannot be"
                    + " explained)")
    public Response submit(
            @PathParam("name") String name,
            @QueryParam("fileName") String fileName,
            @QueryParam("explain") boolean explain,
            InputStream content) {
        var job = scoring.submit(currentCaller.get(), name, fileName, content, servletRequest.getRemoteAddr(), explain);
        return Response.accepted(BatchView.of(job, List.of()))
                .location(uriInfo.getBaseUriBuilder().path("v1/batches/{id}").build(job.id()))
                .build();
    }

    @GET
    @Path("batches")
    @Operation(summary = "The department's latest batch jobs, newest first")
    public List<BatchView> recent() {
        return scoring.recent(currentCaller.get()).stream()
                .map(job -> BatchView.of(job, List.of()))
                .toList();
    }

    @GET
    @Path("batches/{id}")
    @Operation(summary = "A batch job's status and progress, and its refused lines")
    public BatchView job(@PathParam("id") String id) {
        var job = scoring.job(currentCaller.get(), id);
        return BatchView.of(job, scoring.failures(job));
    }

    @GET
    @Path("batches/{id}/results")
    @Produces(CSV)
    @Operation(summary = "The results file: input columns, outputs, status and error per line")
    public Response results(@PathParam("id") String id) {
        return attachment(scoring.results(currentCaller.get(), id), "batch-" + id + "-results.csv");
    }

    @GET
    @Path("models/{name}/batch-template")
    @Produces(CSV)
    @Operation(summary = "A CSV file to start from: the model's input header and one example line")
    public Response template(@PathParam("name") String name) {
        return attachment(scoring.template(currentCaller.get(), name), name + "-batch-template.csv");
    }

    private static Response attachment(String csv, String fileName) {
        return Response.ok(csv, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
