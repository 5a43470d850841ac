package org.citymaas.security.audit.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signed list of a compliance pack's files: each file's name, size and SHA-256, when the pack was
 * made, and the audit key that signed it. The signature covers the canonical form ({@code
 * CanonicalForm.compliancePack}), not the JSON text.
 *
 * @param keyId lowercase hex SHA-256 of the signing public key's X.509 encoding
 * @param signature Base64 Ed25519 signature over the canonical form, empty while unsigned
 */
public record CompliancePackManifest(Instant createdAt, List<PackFile> files, String keyId, String signature) {

    /** The manifest's {@code type}. */
    public static final String TYPE = "citymaas-compliance-pack/1";

    /** The manifest's name in the pack. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** One file of the pack. */
    public record PackFile(String name, long bytes, String sha256) {

        public PackFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public CompliancePackManifest {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        files = List.copyOf(files);
    }

    /** The same manifest with this signature. */
    public CompliancePackManifest signed(String newSignature) {
        return new CompliancePackManifest(createdAt, files, keyId, newSignature);
    }

    /** The manifest as indented JSON, the content of {@value #FILE_NAME}. */
    public String toJson() {
        var root = JSON.createObjectNode().put("type", TYPE).put("createdAt", INSTANT.format(createdAt));
        var list = root.putArray("files");
        files.forEach(f ->
                list.addObject().put("name", f.name()).put("bytes", f.bytes()).put("sha256", f.sha256()));
        root.put("keyId", keyId).put("signature", signature);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    /**
     * Reads a manifest that {@link #toJson()} wrote (it does not check the signature).
     *
     * @throws AuditException not a compliance pack's manifest, or a field missing or malformed
     */
    public static CompliancePackManifest parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AuditException("the compliance pack's manifest is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !TYPE.equals(root.path("type").asText())) {
            throw new AuditException("not a compliance pack's manifest: its type is not " + TYPE);
        }
        try {
            var files = new ArrayList<PackFile>();
            for (var f : root.path("files")) {
                if (!f.path("bytes").canConvertToExactIntegral()) {
                    throw new IllegalArgumentException("a file's size is not a whole number");
                }
                files.add(new PackFile(required(f, "name"), f.path("bytes").asLong(), required(f, "sha256")));
            }
            return new CompliancePackManifest(
                    Instant.parse(required(root, "createdAt")),
                    files,
                    required(root, "keyId"),
                    required(root, "signature"));
        } catch (RuntimeException e) {
            throw new AuditException("the compliance pack's manifest is malformed: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }
}
