package org.citymaas.portal.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.audit.entity.KeyRotation;
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

    @Inject
    AuditDownloads downloads;

    @Inject
    AuditReviews reviews;

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

    @GET
    @Path("exports")
    @Produces("application/zip")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Operation(
            summary = "Export exactly the events the same filters find (as events, without limit and cursor), oldest"
                    + " first, format csv or jsonl: a zip of the events file and manifest.json (filters, time range,"
                    + " count, first and last seq, SHA-256 of the file, chain head, key id, Ed25519 signature),"
                    + " which the offline verifier checks. Streamed; the export is audited before it starts.")
    public Response export(
            @QueryParam("format") String format,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("department") List<String> departments,
            @QueryParam("actor") List<String> actors,
            @QueryParam("action") List<String> actions,
            @QueryParam("model") List<String> models,
            @QueryParam("outcome") List<String> outcomes,
            @QueryParam("status") Integer status,
            @QueryParam("ip") String clientAddress,
            @QueryParam("requestId") String requestId) {
        var filters = new AuditSearch.Filters(
                from, to, departments, actors, actions, models, outcomes, status, clientAddress, requestId, null);
        var file = downloads.export(currentCaller.get(), format, filters);
        return Response.ok(file.body(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .build();
    }

    @GET
    @Path("bundles")
    @Produces("application/zip")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Operation(
            summary = "The evidence bundle of the events seq from..to for the offline verifier: the events from the"
                    + " signed checkpoint before the range to the one that covers its end (signed now if none does"
                    + " yet), the checkpoints and the key history. Audited.")
    public Response bundle(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        var file = downloads.bundle(currentCaller.get(), from, to);
        return Response.ok(file.body(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .build();
    }

    @GET
    @Path("compliance-pack")
    @Produces("application/zip")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Operation(
            summary = "The compliance pack: how the audit record meets GB/T 22239-2019 level 3 security audit (in"
                    + " Chinese and English), with the evidence (a verification of the online chain, the retention"
                    + " settings, the checkpoints, the key history) and a signed manifest the offline verifier"
                    + " checks. Audited.")
    public Response compliancePack() {
        var file = downloads.compliancePack(currentCaller.get());
        return Response.ok(file.body(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .build();
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
        return reviews.verify(currentCaller.get(), from, to);
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

    @POST
    @Path("keys/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(
            summary = "Replace the key that signs the checkpoints: the head is signed with the old key first, then"
                    + " with the new one; every old public key stays in v1/audit/keys. Audited.")
    public KeyRotationView rotateKey() {
        var checkpoints = trail.checkpoints();
        checkpoints.sign();
        KeyRotation rotation;
        try {
            rotation = checkpoints.rotateKey();
        } catch (IllegalStateException e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.CONFLICT);
        }
        trail.record(AuditTrail.by(currentCaller.get())
                .action("audit.key.rotate")
                .resource("v1/audit/keys")
                .outcome("OK", 200)
                .summary("key " + rotation.previousKeyId() + " replaced by " + rotation.keyId())
                .build());
        checkpoints.sign();
        return new KeyRotationView(rotation.previousKeyId(), rotation.keyId(), rotation.rotatedAt());
    }

    /**
     * A rotation of the checkpoint key.
     *
     * @param previousKeyId the replaced key's id (SHA-256 of its public key, hex)
     * @param keyId the new key's id
     */
    public record KeyRotationView(String previousKeyId, String keyId, Instant rotatedAt) {}

    @GET
    @Path("keys")
    @Produces("application/x-pem-file")
    @RolesAllowed({Role.AUDITOR_NAME, Role.PLATFORM_ADMIN_NAME})
    @Operation(summary = "Every public key that has signed checkpoints (PEM blocks): the verifier's --trusted-keys")
    public String keyHistory() {
        return trail.checkpoints().keyHistoryPem();
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
