package org.citymaas.portal.exports.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.citymaas.billing.exports.entity.ExportTable;
import org.citymaas.billing.exports.entity.MonthExport;
import org.citymaas.security.signing.boundary.DocumentSignatures;

/**
 * Writes a month's finance exports as files: the FOCUS cost and usage table as CSV and as JSON Lines,
 * and the journal as CSV, each final file with its detached signature ({@code <file>.sig}). CSV goes
 * through {@link SpreadsheetCsv} (UTF-8 with a byte order mark, so that Excel and LibreOffice read the
 * departments' Chinese names right; formula starts neutralised). JSON Lines is UTF-8 without a byte
 * order mark, one object per record with the CSV's column names as keys in the same order, every value
 * a JSON string (decimals exactly as in the CSV, never a binary floating-point number) or {@code null}
 * where the CSV cell is empty. A preview is written the same way but never signed.
 */
public final class FinanceExports {

    public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";
    public static final String JSON_LINES_MEDIA_TYPE = "application/jsonl; charset=UTF-8";
    public static final String SIGNATURE_MEDIA_TYPE = "text/plain; charset=US-ASCII";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentSignatures signatures;

    /** Exports signed by {@code signatures} (the portal's {@code export-signing} key). */
    public FinanceExports(DocumentSignatures signatures) {
        this.signatures = Objects.requireNonNull(signatures, "signatures");
    }

    /**
     * One file of an export.
     *
     * @param name the file name, such as {@code citymaas-focus-2026-11.csv} or {@code ....csv.sig}
     * @param mediaType its media type, for a download's Content-Type
     * @param bytes its exact bytes (what the signature covers)
     */
    public record ExportFile(String name, String mediaType, byte[] bytes) {
        public ExportFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "media type");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * The month's files: the FOCUS CSV, the FOCUS JSON Lines and the journal CSV, each followed, on a
     * final export, by its signature file.
     */
    public List<ExportFile> files(MonthExport export) {
        var documents = List.of(
                new ExportFile(export.focus().baseName() + ".csv", CSV_MEDIA_TYPE, csv(export.focus())),
                new ExportFile(export.focus().baseName() + ".jsonl", JSON_LINES_MEDIA_TYPE, jsonLines(export.focus())),
                new ExportFile(export.journal().baseName() + ".csv", CSV_MEDIA_TYPE, csv(export.journal())));
        var files = new ArrayList<ExportFile>();
        for (var document : documents) {
            files.add(document);
            if (export.isFinal()) {
                files.add(new ExportFile(
                        document.name() + ".sig",
                        SIGNATURE_MEDIA_TYPE,
                        signatures.sign(document.bytes()).bytes()));
            }
        }
        return files;
    }

    /** The public key that verifies the signatures, PEM: publish it as {@code export-signing.pub}. */
    public String publicKeyPem() {
        return signatures.publicKeyPem();
    }

    /** A table as CSV for spreadsheets: UTF-8 with a byte order mark, CRLF, the header first. */
    public static byte[] csv(ExportTable table) {
        return SpreadsheetCsv.write(table.header(), table.rows()).getBytes(StandardCharsets.UTF_8);
    }

    /** A table as JSON Lines: one object per row, keys in header order, string or null values, LF. */
    public static byte[] jsonLines(ExportTable table) {
        var out = new StringBuilder();
        for (var row : table.rows()) {
            var record = JSON.createObjectNode();
            for (int i = 0; i < table.header().size(); i++) {
                record.put(table.header().get(i), row.get(i));
            }
            try {
                out.append(JSON.writeValueAsString(record)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
