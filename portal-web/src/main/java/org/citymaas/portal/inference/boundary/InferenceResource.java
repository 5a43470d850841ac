package org.citymaas.portal.inference.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citymaas.portal.health.ServerReadiness;
import org.citymaas.portal.inference.control.ExplanationCodec;
import org.citymaas.portal.inference.control.V2Codec;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.scheduler.entity.ModelState;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The Open Inference Protocol (v2) REST API. A department sees only the models it subscribes to;
 * every other name answers 404. The v2 JSON is read and written here ({@link V2Codec}) and nowhere
 * else: a request is decoded, run by the typed use case ({@link Inferences}; {@link Explanations} for
 * {@code /explain}, our extension) and its outcome encoded;
 * refusals and failures are the modules' exceptions, answered by {@code problems.ProblemMappers}.
 * One instance serves every request (a request-scoped resource cost Weld about 6% of the governed
 * path's CPU in the profile): the caller and the servlet request are the container's request-bound proxies.
 */
@Path("v2")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME})
public class InferenceResource {

    @Inject
    Inferences inferences;

    @Inject
    Explanations explanations;

    @Inject
    Subscriptions subscriptions;

    @Inject
    ModelRuntime runtime;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ServerReadiness serverReadiness;

    @Inject
    HttpServletRequest servletRequest;

    @GET
    @Operation(summary = "Server metadata")
    public String server() {
        return V2Codec.json(Map.of("name", "citymaas", "version", "1", "extensions", List.of("explain")));
    }

    @GET
    @Path("health/live")
    @Operation(summary = "Server liveness")
    public String live() {
        return V2Codec.json(Map.of("live", true));
    }

    @GET
    @Path("health/ready")
    @Operation(
            summary = "Server readiness: 200 while PostgreSQL, Keycloak and the model runtime can serve, else 503"
                    + " naming what is down")
    public Response ready() {
        var down = new ArrayList<>(serverReadiness.down());
        if (!runtime.isOpen()) {
            down.add("model-runtime");
        }
        if (down.isEmpty()) {
            return Response.ok(V2Codec.json(Map.of("ready", true))).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(V2Codec.json(Map.of("ready", false, "down", down)))
                .build();
    }

    @GET
    @Path("models")
    @Operation(summary = "The models the caller's department subscribes to (a CityMaaS extension)")
    public String models() {
        var names = currentCaller.get().department().map(subscriptions::list).orElse(List.of()).stream()
                .map(s -> s.model())
                .toList();
        return V2Codec.json(Map.of("models", names));
    }

    @GET
    @Path("models/{name}")
    @Operation(summary = "Model metadata: versions, platform, inputs and outputs")
    public String metadata(@PathParam("name") String name) {
        return metadata(name, null);
    }

    @GET
    @Path("models/{name}/versions/{version}")
    @Operation(summary = "Metadata of one version")
    public String metadata(@PathParam("name") String name, @PathParam("version") String version) {
        var caller = currentCaller.get();
        var target = inferences.authorize(caller, ModelRef.of(name, version));
        return V2Codec.metadata(target.card(), inferences.versions(caller, name));
    }

    @GET
    @Path("models/{name}/ready")
    @Operation(summary = "Model readiness (a version loads on first use)")
    public String modelReady(@PathParam("name") String name) {
        return modelReady(name, null);
    }

    @GET
    @Path("models/{name}/versions/{version}/ready")
    @Operation(summary = "Version readiness: ready unless its load failed (it loads on first use); loaded, state")
    public String modelReady(@PathParam("name") String name, @PathParam("version") String version) {
        var target = inferences.authorize(currentCaller.get(), ModelRef.of(name, version));
        // a version loads on first use: it is ready unless its load failed; "loaded" says whether it is in memory
        ModelState state = runtime.state(target.ref());
        return V2Codec.json(Map.of(
                "name",
                name,
                "version",
                target.card().version(),
                "ready",
                state != ModelState.FAILED,
                "loaded",
                state == ModelState.READY,
                "state",
                state.name().toLowerCase(Locale.ROOT)));
    }

    @POST
    @Path("models/{name}/infer")
    @Operation(summary = "Run the model's default (or pinned) version on named input tensors")
    public String infer(@PathParam("name") String name, @HeaderParam("X-Request-Id") String requestId, String body) {
        return infer(name, null, requestId, body);
    }

    @POST
    @Path("models/{name}/versions/{version}/infer")
    @Operation(summary = "Run one version of the model on named input tensors")
    public String infer(
            @PathParam("name") String name,
            @PathParam("version") String version,
            @HeaderParam("X-Request-Id") String requestId,
            String body) {
        var outcome = inferences.infer(
                currentCaller.get(),
                ModelRef.of(name, version),
                requestId,
                () -> V2Codec.read(body),
                servletRequest.getRemoteAddr());
        return V2Codec.response(outcome);
    }

    @POST
    @Path("models/{name}/explain")
    @Operation(
            summary = "Answer and explain the default (or pinned) version's output for each row: per row the"
                    + " prediction, the baseline and each input's (or token's) share (a CityMaaS extension);"
                    + " 422 for a version without an explanation method")
    public String explain(@PathParam("name") String name, @HeaderParam("X-Request-Id") String requestId, String body) {
        return explain(name, null, requestId, body);
    }

    @POST
    @Path("models/{name}/versions/{version}/explain")
    @Operation(summary = "Answer and explain one version's output for each row (a CityMaaS extension)")
    public String explain(
            @PathParam("name") String name,
            @PathParam("version") String version,
            @HeaderParam("X-Request-Id") String requestId,
            String body) {
        var outcome = explanations.explain(
                currentCaller.get(),
                ModelRef.of(name, version),
                requestId,
                () -> V2Codec.read(body),
                servletRequest.getRemoteAddr());
        return ExplanationCodec.response(outcome);
    }
}
