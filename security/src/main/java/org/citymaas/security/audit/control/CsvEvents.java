package org.citymaas.security.audit.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.ExportFormat;

/**
 * An export as CSV for spreadsheets: UTF-8 with a byte order mark, RFC 4180 (Commons CSV quotes, CRLF
 * line ends), a header row, then one row per event with every stored field. Times in UTC (the
 * canonical form, {@code occurred_at}) and in Asia/Shanghai ({@code occurred_at_shanghai}). Cells are
 * neutralised as the portal's {@code SpreadsheetCsv} does (OWASP "CSV Injection", CWE-1236): one
 * beginning with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, unless it is a
 * plain number, so that no spreadsheet program runs it as a formula. Neutralised cells no longer
 * hold the hashed bytes, so a CSV export is verified by its digest and its rows' chain positions; the
 * JSON Lines form is the one whose every hash can be recomputed.
 */
public final class CsvEvents implements ExportWriter {

    /** Starts a spreadsheet program reads as a formula (or, tab and CR, as a cell jump before one). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final DateTimeFormatter SHANGHAI =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneId.of("Asia/Shanghai"));

    private final DigestOutputStream digested;
    private final BufferedWriter text;
    private final CSVPrinter printer;
    private final String[] cells = new String[ExportFormat.CSV_HEADER.size()];

    CsvEvents(OutputStream out) throws IOException {
        this.digested = ExportWriter.digesting(out);
        this.text = new BufferedWriter(new OutputStreamWriter(digested, StandardCharsets.UTF_8), 1 << 16);
        text.write('\uFEFF');
        this.printer = new CSVPrinter(text, CSVFormat.RFC4180);
        printer.printRecord(ExportFormat.CSV_HEADER);
    }

    @Override
    public void write(ChainedEvent chained) throws IOException {
        var e = chained.event();
        cells[0] = Long.toString(chained.seq());
        cells[1] = CanonicalForm.instant(e.occurredAt());
        cells[2] = SHANGHAI.format(e.occurredAt());
        cells[3] = neutralise(e.actor());
        cells[4] = e.actorType().code();
        cells[5] = neutralise(CanonicalForm.tenant(e.tenant()));
        cells[6] = neutralise(e.action());
        cells[7] = neutralise(e.resource());
        cells[8] = neutralise(e.outcome());
        cells[9] = e.httpStatus() == null ? "" : Integer.toString(e.httpStatus());
        cells[10] = neutralise(e.clientAddress());
        cells[11] = neutralise(e.requestId());
        cells[12] = neutralise(e.requestDigest());
        cells[13] = neutralise(e.responseDigest());
        cells[14] = neutralise(e.summary());
        cells[15] = chained.prevHash();
        cells[16] = chained.hash();
        printer.printRecord((Object[]) cells);
    }

    @Override
    public String finish() throws IOException {
        printer.flush();
        text.flush();
        digested.flush();
        return ExportWriter.hex(digested);
    }

    /** The text a cell is written with: null is empty, a formula start gets a leading apostrophe. */
    public static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        if (text.isEmpty()
                || FORMULA_STARTS.indexOf(text.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
