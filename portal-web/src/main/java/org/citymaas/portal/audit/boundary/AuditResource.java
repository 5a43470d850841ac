package org.citymaas.portal.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The auditors' API: verify the chain, fetch the key that signs its checkpoints. */
@Path("v1/audit")
@RequestScoped
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditSearch search;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.AUDITOR_NAME)
    @Operation(
            summary = "Search the audit log, newest first: from/to (2026-12-07, 2026-12-07T08:30 in Asia/Shanghai, or"
                    + " with an offset; to is exclusive), department, actor, action (exact, or a category such as"
                    + " batch.*), model, outcome (several of each), status, ip, requestId, limit (1-500, default 50);"
                    + " next pages with the answer's cursor. Each search is itself audited.")
    public AuditEventsView events(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("department") List<String> departments,
            @QueryParam("actor") List<String> actors,
            @QueryParam("action") List<String> actions,
            @QueryParam("model") List<String> models,
            @QueryParam("outcome") List<String> outcomes,
            @QueryParam("status") Integer status,
            @QueryParam("ip") String clientAddress,
            @QueryParam("requestId") String requestId,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        var filters = new AuditSearch.Filters(
                from, to, departments, actors, actions, models, outcomes, status, clientAddress, requestId, limit);
        var page = search.search(currentCaller.get(), filters, cursor);
        return new AuditEventsView(
                page.events().stream().map(AuditEventView::of).toList(), page.nextCursor());
    }

    /**
     * A page of the search.
     *
     * @param events the events, newest first
     * @param cursor the next page's cursor, null on the last page
     */
    public record AuditEventsView(List<AuditEventView> events, String cursor) {}

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.AUDITOR_NAME)
    @Operation(summary = "Verify the audit chain (seq from..to, default all): OK or the first break")
    public VerificationView verify(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        var first = from == null ? 1 : Math.max(1, from);
        var last = to == null ? Long.MAX_VALUE : to;
        return VerificationView.of(trail.verify(first, last));
    }

    @POST
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AUDITOR_NAME, Role.PLATFORM_ADMIN_NAME})
    @Operation(summary = "Sign the chain's head now (the timer does it every few minutes); 204 when nothing is new")
    public Response signNow() {
        return trail.checkpoints()
                .sign()
                .map(c -> Response.ok(new CheckpointView(c.seq(), c.headHash(), c.signedAt(), c.keyId())))
                .orElseGet(Response::noContent)
                .build();
    }

    @GET
    @Path("public-key")
    @Produces("application/x-pem-file")
    @RolesAllowed({Role.AUDITOR_NAME, Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME, Role.STAFF_NAME})
    @Operation(summary = "The Ed25519 public key (PEM) that signs the audit checkpoints")
    public String publicKey() {
        return trail.checkpoints().publicKeyPem();
    }
}
