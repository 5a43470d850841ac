package org.citymaas.security.audit.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.ExportFormat;

/**
 * Writes exported events to a stream one at a time, in the export's format, and digests every byte it
 * writes. Two forms: {@link CsvEvents} for spreadsheets, {@link JsonLinesEvents} for machines and the
 * offline verifier. Neither closes the stream it writes to (it may be an archive's entry).
 */
public interface ExportWriter {

    /** Writes the next event. */
    void write(ChainedEvent event) throws IOException;

    /** Writes what is buffered and returns the lowercase hex SHA-256 of every byte written. */
    String finish() throws IOException;

    /** A writer of the format on {@code out}. */
    static ExportWriter of(ExportFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvEvents(out);
            case JSONL -> new JsonLinesEvents(out);
        };
    }

    /** The stream to write through: digests every byte and leaves {@code out} open on close. */
    static DigestOutputStream digesting(OutputStream out) {
        try {
            return new DigestOutputStream(new KeptOpen(out), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The hex form of a digest stream's digest. */
    static String hex(DigestOutputStream digested) {
        return HexFormat.of().formatHex(digested.getMessageDigest().digest());
    }

    /** Passes writes on in blocks and flushes, but does not close the stream beneath. */
    final class KeptOpen extends FilterOutputStream {
        public KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
