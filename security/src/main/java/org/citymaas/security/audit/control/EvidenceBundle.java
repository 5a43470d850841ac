package org.citymaas.security.audit.control;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.MalformedEventException;

/**
 * The evidence an auditor takes away: a zip of {@code manifest.json} (the range and the hash the
 * first event links to), {@code events.jsonl} (one event per line, every stored field, instants in
 * the canonical text form), {@code checkpoints.jsonl} and {@code public-key.pem}. Everything needed to
 * recompute the chain offline; the public key in it should be compared with the published one.
 */
public final class EvidenceBundle {

    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.jsonl";
    public static final String CHECKPOINTS = "checkpoints.jsonl";
    public static final String PUBLIC_KEY = "public-key.pem";

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private EvidenceBundle() {}

    /** Writes a bundle of the events from {@code fromSeq} on; returns how many events it holds. */
    public static long write(
            OutputStream out,
            long fromSeq,
            String anchorHash,
            Iterator<ChainedEvent> events,
            List<Checkpoint> checkpoints,
            String publicKeyPem)
            throws IOException {
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        var manifest = JSON.createObjectNode()
                .put("format", "citymaas-audit-evidence/1")
                .put("fromSeq", fromSeq)
                .put("anchorHash", anchorHash);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry(EVENTS));
        long count = 0;
        while (events.hasNext()) {
            zip.write(JSON.writeValueAsBytes(toJson(events.next())));
            zip.write('\n');
            count++;
        }
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry(CHECKPOINTS));
        for (var c : checkpoints) {
            var node = JSON.createObjectNode()
                    .put("seq", c.seq())
                    .put("headHash", c.headHash())
                    .put("signedAt", CanonicalForm.instant(c.signedAt()))
                    .put("keyId", c.keyId())
                    .put("signature", c.signature());
            zip.write(JSON.writeValueAsBytes(node));
            zip.write('\n');
        }
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry(PUBLIC_KEY));
        zip.write(publicKeyPem.getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.finish();
        return count;
    }

    /** Opens a bundle for reading; events are read lazily, line by line. */
    public static Reader open(Path file) throws IOException {
        return new Reader(new ZipFile(file.toFile(), StandardCharsets.UTF_8));
    }

    private static ObjectNode toJson(ChainedEvent chained) {
        var e = chained.event();
        var node = JSON.createObjectNode()
                .put("seq", chained.seq())
                .put("occurredAt", CanonicalForm.instant(e.occurredAt()))
                .put("actor", e.actor())
                .put("actorType", e.actorType().code())
                .put("tenant", e.tenant())
                .put("action", e.action())
                .put("resource", e.resource())
                .put("outcome", e.outcome());
        if (e.httpStatus() == null) {
            node.putNull("httpStatus");
        } else {
            node.put("httpStatus", e.httpStatus().intValue());
        }
        return node.put("clientAddress", e.clientAddress())
                .put("requestId", e.requestId())
                .put("requestDigest", e.requestDigest())
                .put("responseDigest", e.responseDigest())
                .put("summary", e.summary())
                .put("prevHash", chained.prevHash())
                .put("hash", chained.hash());
    }

    private static ChainedEvent fromJson(JsonNode node) {
        long seq = node.path("seq").asLong(-1);
        try {
            var event = new AuditEvent(
                    CanonicalForm.parseInstant(text(node, "occurredAt")),
                    text(node, "actor"),
                    ActorType.ofCode(text(node, "actorType")),
                    text(node, "tenant"),
                    text(node, "action"),
                    text(node, "resource"),
                    text(node, "outcome"),
                    node.path("httpStatus").isNull() || node.path("httpStatus").isMissingNode()
                            ? null
                            : node.get("httpStatus").intValue(),
                    text(node, "clientAddress"),
                    text(node, "requestId"),
                    text(node, "requestDigest"),
                    text(node, "responseDigest"),
                    text(node, "summary"));
            return new ChainedEvent(seq, event, text(node, "prevHash"), text(node, "hash"));
        } catch (RuntimeException e) {
            throw new MalformedEventException(seq, String.valueOf(e.getMessage()), e);
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An open bundle. */
    public static final class Reader implements AutoCloseable {
        private final ZipFile zip;
        private final JsonNode manifest;

        private Reader(ZipFile zip) throws IOException {
            this.zip = zip;
            try (var in = zip.getInputStream(entry(MANIFEST))) {
                this.manifest = JSON.readTree(in);
            }
        }

        public long fromSeq() {
            return manifest.path("fromSeq").asLong(1);
        }

        /** The hash the first event must link to, or null if the bundle does not say. */
        public String anchorHash() {
            return text(manifest, "anchorHash");
        }

        public String publicKeyPem() throws IOException {
            try (var in = zip.getInputStream(entry(PUBLIC_KEY))) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }

        public List<Checkpoint> checkpoints() throws IOException {
            var checkpoints = new ArrayList<Checkpoint>();
            try (var lines = lines(CHECKPOINTS)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    var node = JSON.readTree(line);
                    checkpoints.add(new Checkpoint(
                            node.path("seq").asLong(),
                            text(node, "headHash"),
                            CanonicalForm.parseInstant(text(node, "signedAt")),
                            text(node, "keyId"),
                            text(node, "signature")));
                }
            } catch (RuntimeException e) {
                throw new AuditException("the bundle's checkpoints are unreadable: " + e.getMessage(), e);
            }
            return checkpoints;
        }

        /** The events in the order the bundle lists them; an unreadable event is reported as malformed. */
        public Iterator<ChainedEvent> events() throws IOException {
            var lines = lines(EVENTS);
            return new Iterator<>() {
                private String line = read();

                private String read() {
                    try {
                        String next;
                        do {
                            next = lines.readLine();
                        } while (next != null && next.isBlank());
                        return next;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return line != null;
                }

                @Override
                public ChainedEvent next() {
                    if (line == null) {
                        throw new NoSuchElementException();
                    }
                    var current = line;
                    line = read();
                    JsonNode node;
                    try {
                        node = JSON.readTree(current);
                    } catch (IOException e) {
                        throw new MalformedEventException(-1, "not JSON: " + e.getMessage(), e);
                    }
                    return fromJson(node);
                }
            };
        }

        private BufferedReader lines(String name) throws IOException {
            return new BufferedReader(new InputStreamReader(zip.getInputStream(entry(name)), StandardCharsets.UTF_8));
        }

        private ZipEntry entry(String name) throws IOException {
            var entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException("not an audit evidence bundle: " + name + " is missing");
            }
            return entry;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
