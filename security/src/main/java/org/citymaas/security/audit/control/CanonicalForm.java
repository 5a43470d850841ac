package org.citymaas.security.audit.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.CompliancePackManifest;
import org.citymaas.security.audit.entity.ExportManifest;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The exact bytes that are hashed (events) and signed (checkpoints). Each is a sequence of fields,
 * each field a 4-byte big-endian length followed by that many bytes of UTF-8, a null field the length
 * -1 and no bytes. Length prefixes make the encoding unambiguous ({@code "ab","c"} differs from
 * {@code "a","bc"}, null differs from empty) without any escaping.
 *
 * <p>An event: {@code "citymaas-audit-event/1"}, occurred_at, actor, actor_type
 * ({@code user|service|anonymous}), tenant, action, resource, outcome, http_status (decimal), client_address,
 * request_id, request_digest, response_digest, summary, seq (decimal), prev_hash. Its hash is the lowercase
 * hex SHA-256 of that. Position and link come last so that the database can complete the content's bytes
 * and hash them in the statement that appends the event (see {@link EventAppender}). A checkpoint: {@code "citymaas-audit-checkpoint/1"}, seq, head_hash, signed_at, key_id. Instants
 * are UTC at microsecond precision, always six fractional digits: {@code 2026-11-25T23:40:11.123456Z}.
 */
public final class CanonicalForm {

    static final String EVENT_TAG = "citymaas-audit-event/1";
    static final String CHECKPOINT_TAG = "citymaas-audit-checkpoint/1";
    static final String EXPORT_TAG = "citymaas-audit-export/1";
    static final String PACK_TAG = "citymaas-compliance-pack/1";

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CanonicalForm::sha256);

    private CanonicalForm() {}

    /** The canonical bytes of the event at {@code seq} whose predecessor's hash is {@code prevHash}. */
    public static byte[] event(long seq, AuditEvent e, String prevHash) {
        var out = contentFields(e);
        out.add(Long.toString(seq));
        out.add(prevHash);
        return out.toByteArray();
    }

    /**
     * The canonical bytes of an event's content, without its position and link: the prefix the
     * database completes with seq and prev_hash when it appends the event in one statement.
     */
    public static byte[] content(AuditEvent e) {
        return contentFields(e).toByteArray();
    }

    /** The hash of the event at {@code seq} whose predecessor's hash is {@code prevHash}. */
    public static String hash(long seq, AuditEvent e, String prevHash) {
        var digest = SHA256.get();
        return HexFormat.of().formatHex(digest.digest(event(seq, e, prevHash)));
    }

    private static Fields contentFields(AuditEvent e) {
        var out = new Fields(256 + (e.summary() == null ? 0 : e.summary().length() * 3));
        out.add(EVENT_TAG);
        out.add(instant(e.occurredAt()));
        out.add(e.actor());
        out.add(e.actorType().code());
        out.add(tenant(e.tenant()));
        out.add(e.action());
        out.add(e.resource());
        out.add(e.outcome());
        out.add(e.httpStatus() == null ? null : Integer.toString(e.httpStatus()));
        out.add(e.clientAddress());
        out.add(e.requestId());
        out.add(e.requestDigest());
        out.add(e.responseDigest());
        out.add(e.summary());
        return out;
    }

    /** The canonical bytes a checkpoint's signature covers. */
    public static byte[] checkpoint(Checkpoint c) {
        var out = new Fields(200);
        out.add(CHECKPOINT_TAG);
        out.add(Long.toString(c.seq()));
        out.add(c.headHash());
        out.add(instant(c.signedAt()));
        out.add(c.keyId());
        return out.toByteArray();
    }

    /**
     * The canonical bytes an export manifest's signature covers: {@code "citymaas-audit-export/1"},
     * format ({@code csv|jsonl}), the filters (from, to, then departments, actors, actions, models and
     * outcomes each as a count in decimal followed by its values in the manifest's order, then
     * http_status, client_address, request_id), earliest, latest, row_count, first_seq, last_seq, sha256,
     * head_seq, head_hash, created_at, key_id. Numbers in decimal, instants in the canonical text form,
     * an absent value null.
     */
    public static byte[] exportManifest(ExportManifest m) {
        var f = m.filters();
        var out = new Fields(512);
        out.add(EXPORT_TAG);
        out.add(m.format().code());
        out.add(f.from() == null ? null : instant(f.from()));
        out.add(f.to() == null ? null : instant(f.to()));
        out.addAll(f.departments().stream().map(TenantId::value).toList());
        out.addAll(f.actors());
        out.addAll(f.actions());
        out.addAll(f.models());
        out.addAll(f.outcomes());
        out.add(f.httpStatus() == null ? null : Integer.toString(f.httpStatus()));
        out.add(f.clientAddress());
        out.add(f.requestId());
        out.add(m.earliest() == null ? null : instant(m.earliest()));
        out.add(m.latest() == null ? null : instant(m.latest()));
        out.add(Long.toString(m.rowCount()));
        out.add(m.firstSeq() == null ? null : Long.toString(m.firstSeq()));
        out.add(m.lastSeq() == null ? null : Long.toString(m.lastSeq()));
        out.add(m.sha256());
        out.add(Long.toString(m.headSeq()));
        out.add(m.headHash());
        out.add(instant(m.createdAt()));
        out.add(m.keyId());
        return out.toByteArray();
    }

    /** An instant in the canonical text form (UTC, microseconds, six digits). */
    public static String instant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Parses the canonical text form of an instant. */
    /** The tenant as the canonical form, the table and the bundle write it: its slug, or null. */
    public static String tenant(TenantId tenant) {
        return tenant == null ? null : tenant.value();
    }

    /**
     * The tenant that {@link #tenant(TenantId)} wrote.
     *
     * @throws IllegalArgumentException not a department's id
     */
    public static TenantId parseTenant(String text) {
        return text == null ? null : new TenantId(text);
    }

    /**
     * The canonical bytes a compliance pack's manifest signature covers: {@code
     * "citymaas-compliance-pack/1"}, created_at, key_id, the number of files in decimal, then for each
     * file in the manifest's order its name, size in bytes (decimal) and SHA-256.
     */
    public static byte[] compliancePack(CompliancePackManifest m) {
        var out = new Fields(256 + m.files().size() * 128);
        out.add(PACK_TAG);
        out.add(instant(m.createdAt()));
        out.add(m.keyId());
        out.add(Integer.toString(m.files().size()));
        for (var f : m.files()) {
            out.add(f.name());
            out.add(Long.toString(f.bytes()));
            out.add(f.sha256());
        }
        return out.toByteArray();
    }

    public static Instant parseInstant(String text) {
        return Instant.parse(text);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static final class Fields extends ByteArrayOutputStream {
        Fields(int size) {
            super(size);
        }

        void add(String value) {
            if (value == null) {
                writeLength(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeLength(bytes.length);
            write(bytes, 0, bytes.length);
        }

        void addAll(Collection<String> values) {
            add(Integer.toString(values.size()));
            values.forEach(this::add);
        }

        private void writeLength(int n) {
            write(n >>> 24);
            write(n >>> 16);
            write(n >>> 8);
            write(n);
        }
    }
}
