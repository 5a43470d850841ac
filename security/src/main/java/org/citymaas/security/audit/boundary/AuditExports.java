package org.citymaas.security.audit.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.EventSearch;
import org.citymaas.security.audit.control.ExportWriter;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.control.Snapshot;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ExportFormat;
import org.citymaas.security.audit.entity.ExportManifest;

/**
 * Exports exactly the events an audit search matches, oldest first (chain order), as CSV or JSON Lines,
 * streamed to an {@link OutputStream} without holding them in memory, with a manifest signed by the
 * audit key. The events and the chain head come from one read-only REPEATABLE READ snapshot, so an
 * export is consistent while appends go on: it holds every matching event up to the head it names,
 * and nothing later.
 *
 * <p>Two ways to deliver it: {@link #exportArchive} writes a zip of the events file followed by {@value
 * ExportManifest#FILE_NAME} (one download, what the portal serves from a {@code StreamingOutput});
 * {@link #export} writes the events file alone and returns the manifest, for callers that store the
 * two side by side. The caller audits the export (who exported which filters).
 */
public class AuditExports {

    /** Rows the driver fetches at a time: memory stays flat whatever the export's size. */
    static final int FETCH_SIZE = 2_000;

    private final DataSource dataSource;
    private final Supplier<SigningKey> key;
    private final Clock clock;

    /** Signs manifests with the signer's current audit key (its key history verifies them). */
    public AuditExports(DataSource dataSource, AuditCheckpoints signer) {
        this(dataSource, signer::key, Clock.systemUTC());
    }

    /** Signs manifests with this key (tests, tools). */
    public AuditExports(DataSource dataSource, SigningKey key, Clock clock) {
        this(dataSource, () -> key, clock);
    }

    private AuditExports(DataSource dataSource, Supplier<SigningKey> key, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.key = key;
        this.clock = clock;
    }

    /**
     * Writes every event matching the query's filters (its page size plays no part) to {@code out} in
     * the format, and returns the signed manifest of what was written. Does not close {@code out}.
     *
     * @throws AuditException the log could not be read or {@code out} could not be written
     */
    public ExportManifest export(AuditQuery query, ExportFormat format, OutputStream out) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        var signer = key.get();
        var unsigned = Snapshot.read(dataSource, connection -> write(connection, query, format, out, signer.keyId()));
        return unsigned.signed(signer.sign(CanonicalForm.exportManifest(unsigned)));
    }

    /**
     * Writes a zip of the events file ({@code audit-events.csv} or {@code audit-events.jsonl}) followed
     * by {@value ExportManifest#FILE_NAME}, and returns the manifest. Does not close {@code out}.
     */
    public ExportManifest exportArchive(AuditQuery query, ExportFormat format, OutputStream out) {
        try {
            var zip = new ZipOutputStream(new ExportWriter.KeptOpen(out), StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(format.fileName()));
            var manifest = export(query, format, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ExportManifest.FILE_NAME));
            zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            return manifest;
        } catch (IOException e) {
            throw new AuditException("could not write the audit export: " + e.getMessage(), e);
        }
    }

    private ExportManifest write(
            Connection connection, AuditQuery query, ExportFormat format, OutputStream out, String keyId)
            throws SQLException {
        // the head first: it fixes the snapshot, and every event the export reads is at or below it
        var head = ChainReader.head(connection);
        long count = 0;
        Long first = null;
        Long last = null;
        Instant earliest = null;
        Instant latest = null;
        String digest;
        try (var events = EventSearch.matching(connection, query, FETCH_SIZE)) {
            var writer = ExportWriter.of(format, out);
            while (events.hasNext()) {
                var event = events.next();
                writer.write(event);
                count++;
                first = first == null ? event.seq() : first;
                last = event.seq();
                var at = event.event().occurredAt();
                earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
                latest = latest == null || at.isAfter(latest) ? at : latest;
            }
            digest = writer.finish();
        } catch (IOException | UncheckedIOException e) {
            throw new AuditException("could not write the audit export: " + e.getMessage(), e);
        }
        return new ExportManifest(
                format,
                query,
                earliest,
                latest,
                count,
                first,
                last,
                digest,
                head.map(h -> h.seq()).orElse(0L),
                head.map(h -> h.hash()).orElse(null),
                clock.instant(),
                keyId,
                "");
    }
}
