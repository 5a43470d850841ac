package org.citymaas.security.audit.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What an export of audit events holds, signed with the audit key: the filters it was made for, how
 * many events, the first and last chain position among them, the time they span, the SHA-256 of the
 * exported file's bytes, and the chain head of the snapshot it was read from. The signature covers
 * every other field in the canonical form ({@code CanonicalForm.exportManifest}), not the JSON text, so
 * the JSON may be re-indented without breaking it.
 *
 * @param filters the search filters the export holds every matching event of (the page size is not part of it)
 * @param earliest the earliest {@code occurredAt} among the events, null when there are none
 * @param latest the latest {@code occurredAt} among the events, null when there are none
 * @param firstSeq the chain position of the first event, null when there are none
 * @param lastSeq the chain position of the last event, null when there are none
 * @param sha256 lowercase hex SHA-256 of the exported file, every byte (a CSV's byte order mark included)
 * @param headSeq the chain head's position in the snapshot the export was read from, 0 for an empty chain
 * @param headHash the chain head's hash, null for an empty chain
 * @param keyId lowercase hex SHA-256 of the signing public key's X.509 encoding
 * @param signature Base64 Ed25519 signature over the canonical form, empty while unsigned
 */
public record ExportManifest(
        ExportFormat format,
        AuditQuery filters,
        Instant earliest,
        Instant latest,
        long rowCount,
        Long firstSeq,
        Long lastSeq,
        String sha256,
        long headSeq,
        String headHash,
        Instant createdAt,
        String keyId,
        String signature) {

    /** The manifest's {@code type}: what distinguishes it from an evidence bundle's manifest. */
    public static final String TYPE = "citymaas-audit-export/1";

    /** The manifest's name beside the events file in an export archive. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public ExportManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        earliest = earliest == null ? null : earliest.truncatedTo(ChronoUnit.MICROS);
        latest = latest == null ? null : latest.truncatedTo(ChronoUnit.MICROS);
        if (rowCount < 0 || (rowCount == 0) != (firstSeq == null) || (firstSeq == null) != (lastSeq == null)) {
            throw new IllegalArgumentException("an export of " + rowCount + " events with first seq " + firstSeq
                    + " and last seq " + lastSeq + " is not consistent");
        }
    }

    /** The same manifest with this signature. */
    public ExportManifest signed(String newSignature) {
        return new ExportManifest(
                format,
                filters,
                earliest,
                latest,
                rowCount,
                firstSeq,
                lastSeq,
                sha256,
                headSeq,
                headHash,
                createdAt,
                keyId,
                newSignature);
    }

    /** The manifest as JSON (indented, fields in a fixed order), the content of {@value #FILE_NAME}. */
    public String toJson() {
        var root = JSON.createObjectNode().put("type", TYPE).put("format", format.code());
        root.put("file", format.fileName());
        var f = root.putObject("filters");
        f.put("from", instant(filters.from()));
        f.put("to", instant(filters.to()));
        texts(
                f.putArray("departments"),
                filters.departments().stream().map(TenantId::value).toList());
        texts(f.putArray("actors"), filters.actors());
        texts(f.putArray("actions"), filters.actions());
        texts(f.putArray("models"), filters.models());
        texts(f.putArray("outcomes"), filters.outcomes());
        f.put("httpStatus", filters.httpStatus());
        f.put("clientAddress", filters.clientAddress());
        f.put("requestId", filters.requestId());
        root.putObject("timeRange").put("earliest", instant(earliest)).put("latest", instant(latest));
        root.put("rowCount", rowCount).put("firstSeq", firstSeq).put("lastSeq", lastSeq);
        root.put("sha256", sha256);
        root.putObject("chainHead").put("seq", headSeq).put("hash", headHash);
        root.put("createdAt", instant(createdAt)).put("keyId", keyId).put("signature", signature);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    /**
     * Reads a manifest that {@link #toJson()} wrote (it does not check the signature).
     *
     * @throws AuditException not JSON, not an export manifest, or a field missing or malformed
     */
    public static ExportManifest parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AuditException("the export manifest is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !TYPE.equals(root.path("type").asText())) {
            throw new AuditException("not an audit export manifest: its type is not " + TYPE);
        }
        try {
            var f = root.path("filters");
            var query = AuditQuery.builder()
                    .between(parseInstant(f, "from"), parseInstant(f, "to"))
                    .departments(
                            texts(f, "departments").stream().map(TenantId::new).toList())
                    .actors(texts(f, "actors"))
                    .actions(texts(f, "actions"))
                    .models(texts(f, "models"))
                    .outcomes(texts(f, "outcomes"))
                    .httpStatus(
                            f.path("httpStatus").isNumber()
                                    ? f.path("httpStatus").asInt()
                                    : null)
                    .clientAddress(text(f, "clientAddress"))
                    .requestId(text(f, "requestId"))
                    .build();
            var range = root.path("timeRange");
            var head = root.path("chainHead");
            return new ExportManifest(
                    ExportFormat.ofCode(required(root, "format")),
                    query,
                    parseInstant(range, "earliest"),
                    parseInstant(range, "latest"),
                    number(root, "rowCount"),
                    root.path("firstSeq").isNumber() ? root.path("firstSeq").asLong() : null,
                    root.path("lastSeq").isNumber() ? root.path("lastSeq").asLong() : null,
                    required(root, "sha256"),
                    number(head, "seq"),
                    text(head, "hash"),
                    Instant.parse(required(root, "createdAt")),
                    required(root, "keyId"),
                    required(root, "signature"));
        } catch (RuntimeException e) {
            throw new AuditException("the export manifest is malformed: " + e.getMessage(), e);
        }
    }

    private static String instant(Instant value) {
        return value == null ? null : INSTANT.format(value);
    }

    private static void texts(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    private static List<String> texts(JsonNode node, String field) {
        var values = new ArrayList<String>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        var value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static long number(JsonNode node, String field) {
        if (!node.path(field).canConvertToExactIntegral()) {
            throw new IllegalArgumentException(field + " is not a whole number");
        }
        return node.path(field).asLong();
    }

    private static Instant parseInstant(JsonNode node, String field) {
        var value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
