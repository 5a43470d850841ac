package org.citymaas.portal.models.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.citymaas.portal.models.control.MultipartForm;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Publishing model versions (platform admins): upload a SavedModel zip with its card and, optionally, a
 * held-out file on which the card's metrics are recomputed ({@code STAGED} once checked), a second platform admin approves ({@code PUBLISHED}), then default, deprecate, retire, roll the
 * default back. Errors are problem+json: 400/413 for a refused upload (with its {@code reason}), 403 when the
 * uploader approves, 409 for a step the version's state does not allow. Its root is {@code .../versions}, not
 * the model's address: Jersey picks one root resource per request by its path alone, and a root of
 * {@code v1/models/{name}} would take the batch addresses ({@code v1/models/{name}/batches}) from
 * {@code BatchesResource} (see {@code ResourcePathsTest}).
 */
@Path("v1/models/{name}/versions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class ModelVersionsResource {

    /** The multipart body's size beyond the archive, the card and the held-out file (boundaries, part headers). */
    private static final long FORM_OVERHEAD = 64 * 1024;

    @Inject
    ModelLifecycle lifecycle;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The model's versions with their lifecycle state and which one is the default")
    public List<ModelVersionView> versions(@PathParam("name") String name) {
        return lifecycle.list(name);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Upload a version: multipart parts savedModel (SavedModel zip), card (model card JSON with"
                    + " sample_inputs) and optionally heldout (CSV: the card's inputs and the trainer's target"
                    + " columns; the declared metrics are recomputed on it); checked, then STAGED")
    public Response upload(
            @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType,
            InputStream body,
            @Context UriInfo uri) {
        var caller = currentCaller.get();
        var limits = lifecycle.limits();
        var parts = MultipartForm.parse(
                body,
                contentType,
                limits.maxArchiveBytes()
                        + limits.maxCardBytes()
                        + lifecycle.heldOutLimits().maxBytes()
                        + FORM_OVERHEAD);
        var staged = lifecycle.upload(name, parts.get("savedModel"), parts.get("card"), parts.get("heldout"), caller);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(staged.version()).build())
                .entity(staged)
                .build();
    }

    @POST
    @Path("{version}/approve")
    @Operation(summary = "Approve a staged version (another platform admin than its uploader): PUBLISHED")
    public ModelVersionView approve(@PathParam("name") String name, @PathParam("version") String version) {
        return lifecycle.approve(name, version, currentCaller.get());
    }

    @POST
    @Path("{version}/default")
    @Operation(summary = "Make a published version the default (calls that name and pin no version)")
    public ModelVersionView makeDefault(@PathParam("name") String name, @PathParam("version") String version) {
        return lifecycle.makeDefault(name, version, currentCaller.get());
    }

    @POST
    @Path("{version}/deprecate")
    @Operation(summary = "Deprecate a published version that is not the default (it still answers)")
    public ModelVersionView deprecate(@PathParam("name") String name, @PathParam("version") String version) {
        return lifecycle.deprecate(name, version, currentCaller.get());
    }

    @POST
    @Path("{version}/retire")
    @Operation(summary = "Retire a version that is not the default: its calls answer 410 naming the default")
    public ModelVersionView retire(@PathParam("name") String name, @PathParam("version") String version) {
        return lifecycle.retire(name, version, currentCaller.get());
    }
}
