package org.citymaas.security.audit.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ExportCheck;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ExportManifest;
import org.citymaas.security.audit.entity.ExportVerification;

/**
 * The offline check of an export of audit events: an export archive (the zip of the events file and
 * {@code manifest.json}) or an events file with its manifest beside it. The manifest must be signed by
 * a trusted key; the file must have the manifest's SHA-256 and row count; its events must come in
 * ascending chain order within the manifest's range, match its filters and (JSON Lines) hash correctly.
 * Run through {@link VerifyEvidence}, which reads the options.
 */
final class VerifyExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerifyExport() {}

    /** Whether {@code file} is a zip whose {@code manifest.json} is an export's (not an evidence bundle's). */
    static boolean isArchive(Path file) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            var entry = zip.getEntry(ExportManifest.FILE_NAME);
            if (entry == null) {
                return false;
            }
            try (var in = zip.getInputStream(entry)) {
                return ExportManifest.TYPE.equals(JSON.readTree(in).path("type").asText());
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Checks an export archive. */
    static int archive(Path file, KeyRing keys, PrintStream out, PrintStream err) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ExportManifest manifest;
            try (var in = zip.getInputStream(zip.getEntry(ExportManifest.FILE_NAME))) {
                manifest = ExportManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            var events = zip.getEntry(manifest.format().fileName());
            if (events == null) {
                err.println("cannot read " + file + ": the archive has no "
                        + manifest.format().fileName());
                return VerifyEvidence.UNREADABLE;
            }
            try (var in = zip.getInputStream(events)) {
                return report(manifest, ExportCheck.verify(manifest, in, keys), out);
            }
        } catch (IOException | AuditException | UncheckedIOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return VerifyEvidence.UNREADABLE;
        }
    }

    /** Checks an events file against the manifest beside it. */
    static int file(Path file, Path manifestFile, KeyRing keys, PrintStream out, PrintStream err) {
        ExportManifest manifest;
        try {
            manifest = ExportManifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        } catch (IOException | AuditException | UncheckedIOException e) {
            err.println("cannot read the manifest " + manifestFile + ": " + e.getMessage());
            return VerifyEvidence.UNREADABLE;
        }
        try (var in = Files.newInputStream(file)) {
            return report(manifest, ExportCheck.verify(manifest, in, keys), out);
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return VerifyEvidence.UNREADABLE;
        }
    }

    private static int report(ExportManifest manifest, ExportVerification verdict, PrintStream out) {
        out.println(verdict);
        if (verdict.ok()) {
            out.println("exported at " + CanonicalForm.instant(manifest.createdAt())
                    + " from a chain whose head was seq " + manifest.headSeq() + " (hash " + manifest.headHash() + ")");
        }
        return verdict.ok() ? VerifyEvidence.OK : VerifyEvidence.BROKEN;
    }
}
