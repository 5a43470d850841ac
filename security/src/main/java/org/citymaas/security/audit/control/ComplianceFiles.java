package org.citymaas.security.audit.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.RetentionPolicy;
import org.citymaas.security.audit.entity.RetentionRemoval;
import org.citymaas.security.audit.entity.Verification;

/**
 * The files of a compliance pack (see {@code CompliancePack}): the MLPS 2.0 mapping document, filled in
 * with the chain's current facts, and the evidence it cites, each as the bytes that go into the pack.
 */
public final class ComplianceFiles {

    public static final String MAPPING = "mlps-audit-mapping.md";
    public static final String VERIFICATION = "chain-verification.json";
    public static final String RETENTION = "retention.json";
    public static final String CHECKPOINTS = "checkpoints.jsonl";
    public static final String PUBLIC_KEYS = "audit-public-keys.pem";

    /** Every file a pack holds besides its manifest, in the pack's order. */
    public static final List<String> NAMES = List.of(MAPPING, VERIFICATION, RETENTION, CHECKPOINTS, PUBLIC_KEYS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComplianceFiles() {}

    /** The events online by category of action (the part before the first dot), with their time span. */
    public static ObjectNode actionCategories(Connection connection) throws SQLException {
        var categories = JSON.createObjectNode();
        try (var s = connection.prepareStatement("SELECT split_part(action, '.', 1), count(*), min(occurred_at),"
                        + " max(occurred_at) FROM audit_event GROUP BY 1 ORDER BY 1");
                var rows = s.executeQuery()) {
            while (rows.next()) {
                categories
                        .putObject(rows.getString(1))
                        .put("events", rows.getLong(2))
                        .put(
                                "earliest",
                                CanonicalForm.instant(
                                        rows.getObject(3, OffsetDateTime.class).toInstant()))
                        .put(
                                "latest",
                                CanonicalForm.instant(
                                        rows.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return categories;
    }

    /** {@value #VERIFICATION}: the verdict on the whole online chain, where it starts, what it was compared with. */
    public static byte[] verification(
            Verification verdict,
            Instant verifiedAt,
            ChainStart start,
            Optional<Checkpoint> published,
            List<String> keyIds,
            ObjectNode categories) {
        var root = JSON.createObjectNode()
                .put("verifiedAt", CanonicalForm.instant(verifiedAt))
                .put("ok", verdict.ok())
                .put("result", verdict.toString())
                .put("fromSeq", verdict.fromSeq())
                .put("lastSeq", verdict.lastSeq())
                .put("eventsVerified", verdict.eventsVerified())
                .put("checkpointsVerified", verdict.checkpointsVerified());
        verdict.firstBreak()
                .ifPresentOrElse(
                        b -> root.putObject("firstBreak")
                                .put("kind", b.kind().name())
                                .put("seq", b.seq())
                                .put("reason", b.reason()),
                        () -> root.putNull("firstBreak"));
        var anchor = root.putObject("start").put("firstSeq", start.firstSeq());
        anchor.put("anchorCheckpointSeq", start.anchor().map(Checkpoint::seq).orElse(null));
        anchor.put("anchorHash", start.anchorHash());
        root.put("publishedCheckpointSeq", published.map(Checkpoint::seq).orElse(null));
        var keys = root.putArray("trustedKeyIds");
        keyIds.forEach(keys::add);
        root.set("actionCategories", categories);
        return json(root);
    }

    /** {@value #RETENTION}: the periods in force, where the online chain starts, and every removal so far. */
    public static byte[] retention(RetentionPolicy policy, ChainStart start, List<RetentionRemoval> removals) {
        var root = JSON.createObjectNode()
                .put("minimumDays", RetentionPolicy.MINIMUM_DAYS)
                .put("defaultDays", policy.defaultDays())
                .put("policy", policy.toString());
        var rules = root.putArray("rules");
        policy.bySpecificity()
                .forEach(r -> rules.addObject().put("pattern", r.pattern()).put("days", r.days()));
        root.put("onlineFromSeq", start.firstSeq());
        var list = root.putArray("removals");
        removals.forEach(r -> list.addObject()
                .put("fromSeq", r.fromSeq())
                .put("toSeq", r.toSeq())
                .put("events", r.events())
                .put("anchorCheckpointSeq", r.anchorCheckpointSeq())
                .put("anchorHash", r.anchorHash())
                .put("bundleFile", r.bundleFile())
                .put("bundleSha256", r.bundleSha256())
                .put("eventSeq", r.eventSeq())
                .put("removedAt", CanonicalForm.instant(r.removedAt())));
        return json(root);
    }

    /** {@value #CHECKPOINTS}: one checkpoint a line, as in an evidence bundle. */
    public static byte[] checkpoints(List<Checkpoint> checkpoints) {
        var out = new ByteArrayOutputStream();
        checkpoints.forEach(c -> out.writeBytes(CheckpointFiles.encode(c)));
        return out.toByteArray();
    }

    /** {@value #MAPPING}: the mapping document with its {@code {{name}}} fields filled in. */
    public static byte[] mapping(Map<String, String> fields) {
        String text;
        try (InputStream in = ComplianceFiles.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var field : new LinkedHashMap<>(fields).entrySet()) {
            text = text.replace("{{" + field.getKey() + "}}", field.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalArgumentException("the mapping document has a field not filled in: "
                    + text.substring(text.indexOf("{{"), text.indexOf("}}", text.indexOf("{{")) + 2));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(ObjectNode root) {
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }
}
