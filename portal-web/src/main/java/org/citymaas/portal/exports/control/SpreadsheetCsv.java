package org.citymaas.portal.exports.control;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of the portal. Commons CSV does the quoting (RFC 4180, CRLF); this class adds the
 * rule against formula injection (OWASP "CSV Injection", CWE-1236): a cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading apostrophe, so
 * that Excel, LibreOffice and WPS show it as text instead of running it ({@code =cmd|' /C calc'!A0}).
 * A plain number ({@code -3.5}, {@code -12}) is left alone: a spreadsheet reads it as a number and runs
 * nothing, and rewriting it would turn every negative value into text.
 */
public final class SpreadsheetCsv implements Closeable, Flushable {

    /** Starts a spreadsheet program reads as a formula (or, tab and CR, as a cell jump before one). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;

    private SpreadsheetCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file for people: starts with a byte order mark, so that spreadsheet programs read UTF-8 text right. */
    public static SpreadsheetCsv forSpreadsheets(Appendable out) {
        try {
            out.append(BYTE_ORDER_MARK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpreadsheetCsv(out);
    }

    /** A file without a byte order mark (a template people fill in and upload again). */
    public static SpreadsheetCsv plain(Appendable out) {
        return new SpreadsheetCsv(out);
    }

    /** One record; null is an empty cell, anything else its {@code toString()}, neutralised. */
    public SpreadsheetCsv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** One record; null is an empty cell, anything else its {@code toString()}, neutralised. */
    public SpreadsheetCsv row(Iterable<?> cells) {
        var values = new ArrayList<String>();
        for (var cell : cells) {
            values.add(neutralise(cell));
        }
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes every record. */
    public static String write(List<?> header, Iterable<? extends Iterable<?>> rows) {
        var out = new StringBuilder();
        try (var csv = forSpreadsheets(out)) {
            csv.row(header);
            rows.forEach(csv::row);
        }
        return out.toString();
    }

    /** The text a cell is written with: formula starts get a leading apostrophe. */
    public static String neutralise(Object cell) {
        if (cell == null) {
            return "";
        }
        var text = cell.toString();
        if (text.isEmpty()
                || FORMULA_STARTS.indexOf(text.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
