package org.citymaas.security.audit.control;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.MalformedEventException;

/**
 * The evidence an auditor takes away: a zip of {@code manifest.json} (the range and the hash the
 * first event links to), {@code events.jsonl} (one event per line, every stored field, instants in
 * the canonical text form), {@code checkpoints.jsonl} and {@code public-key.pem} (the trusted public
 * keys, one PEM block each: the key history). Everything needed to
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
        return write(out, fromSeq, Long.MAX_VALUE, anchorHash, events, checkpoints, publicKeyPem);
    }

    /**
     * Writes a bundle of the events with {@code fromSeq <= seq <= toSeq} (the range asked for: {@code
     * Long.MAX_VALUE} up to the head); returns how many events it holds.
     *
     * @param publicKeyPem the trusted public keys, one or more PEM blocks
     */
    public static long write(
            OutputStream out,
            long fromSeq,
            long toSeq,
            String anchorHash,
            Iterator<ChainedEvent> events,
            List<Checkpoint> checkpoints,
            String publicKeyPem)
            throws IOException {
        return write(out, fromSeq, toSeq, anchorHash, Map.of(), events, checkpoints, publicKeyPem);
    }

    /**
     * Writes a bundle as {@link #write(OutputStream, long, long, String, Iterator, List, String)} does,
     * with more facts about the range in its manifest ({@code requestedFromSeq}, {@code
     * requestedToSeq}, {@code anchorCheckpointSeq}, {@code coveringCheckpointSeq}: see {@link
     * org.citymaas.security.audit.entity.EvidenceRange}).
     */
    public static long write(
            OutputStream out,
            long fromSeq,
            long toSeq,
            String anchorHash,
            Map<String, Long> rangeFacts,
            Iterator<ChainedEvent> events,
            List<Checkpoint> checkpoints,
            String publicKeyPem)
            throws IOException {
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        var manifest = JSON.createObjectNode()
                .put("format", "citymaas-audit-evidence/1")
                .put("fromSeq", fromSeq)
                .put("toSeq", toSeq)
                .put("anchorHash", anchorHash);
        rangeFacts.forEach(manifest::put);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry(EVENTS));
        long count = 0;
        try (var json = JSON.getFactory().createGenerator(zip)) {
            json.setRootValueSeparator(null);
            while (events.hasNext()) {
                EventJson.write(json, events.next());
                json.writeRaw('\n');
                count++;
            }
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

    /** Reads checkpoints written one a line, as in {@value #CHECKPOINTS}; blank lines are skipped. */
    public static List<Checkpoint> readCheckpoints(InputStream in) throws IOException {
        var checkpoints = new ArrayList<Checkpoint>();
        var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
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
            throw new AuditException("the checkpoints are unreadable: " + e.getMessage(), e);
        }
        return checkpoints;
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

        /** The end of the range asked for; {@code Long.MAX_VALUE} (up to the head) if the bundle does not say. */
        public long toSeq() {
            return manifest.path("toSeq").asLong(Long.MAX_VALUE);
        }

        /** A fact of a range bundle's manifest ({@code anchorCheckpointSeq}...), if it has it. */
        public OptionalLong rangeFact(String name) {
            var value = manifest.get(name);
            return value == null || !value.canConvertToExactIntegral()
                    ? OptionalLong.empty()
                    : OptionalLong.of(value.asLong());
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
            try (var in = zip.getInputStream(entry(CHECKPOINTS))) {
                return readCheckpoints(in);
            }
        }

        /** The events in the order the bundle lists them; an unreadable event is reported as malformed. */
        public Iterator<ChainedEvent> events() throws IOException {
            var json = JSON.getFactory().createParser(zip.getInputStream(entry(EVENTS)));
            return new Iterator<>() {
                private JsonToken next = advance();

                private JsonToken advance() {
                    try {
                        return json.nextToken();
                    } catch (IOException e) {
                        throw new MalformedEventException(-1, "not JSON lines: " + e.getMessage(), e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ChainedEvent next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    if (next != JsonToken.START_OBJECT) {
                        next = null;
                        throw new MalformedEventException(-1, "an event is not a JSON object", null);
                    }
                    try {
                        var event = EventJson.read(json);
                        next = advance();
                        return event;
                    } catch (IOException e) {
                        next = null;
                        throw new MalformedEventException(-1, "not JSON lines: " + e.getMessage(), e);
                    }
                }
            };
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
