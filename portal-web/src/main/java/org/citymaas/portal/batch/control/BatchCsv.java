package org.citymaas.portal.batch.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.errors.InvalidBatchException;
import org.citymaas.portal.exports.control.CsvLineNumbers;
import org.citymaas.portal.exports.control.SpreadsheetCsv;
import org.citymaas.portal.exports.control.StrictUtf8;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.security.input.boundary.HostileCharacters;

/**
 * Reads an uploaded batch file: UTF-8 (a byte order mark is ignored), a header row of the model's
 * input names (fields the portal drops may be left out; given, they are not kept), then one data
 * line per row; empty lines are skipped. Anything unusable refuses the whole file, naming the column or line:
 * also a cell holding a character no text may hold (NUL, control, bidi override: {@link HostileCharacters}).
 */
public final class BatchCsv {

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private BatchCsv() {}

    /**
     * A file's header and data lines.
     *
     * @param columns the header, in its order
     * @param lines the data lines, in the file's order, with their line numbers
     */
    public record BatchFile(List<String> columns, List<BatchLine> lines) {

        public BatchFile {
            columns = List.copyOf(columns);
            lines = List.copyOf(lines);
        }
    }

    /**
     * @param inputs the model version's input fields
     * @param maxRows the most data lines a file may have
     * @throws InvalidBatchException the file is not usable; nothing was kept
     */
    public static BatchFile read(byte[] content, List<FieldSpec> inputs, int maxRows) {
        var text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw refuse("file", "empty", "the file is empty: it needs a header row and at least one data line");
        }
        var lineNumbers = new CsvLineNumbers(text);
        try (var parser = FORMAT.parse(new StringReader(text))) {
            var header = parser.getHeaderNames();
            checkHeader(header, inputs);
            var columns = header.stream().filter(c -> !dropped(c, inputs)).toList();
            var lines = new ArrayList<BatchLine>();
            for (var record : parser) {
                var line = lineNumbers.lineOf(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    throw refuse(
                            "line " + line,
                            "columns",
                            "line " + line + " has " + record.size() + " values but the header has " + header.size()
                                    + " columns");
                }
                if (lines.size() == maxRows) {
                    throw refuse("file", "maxRows", "the file has more than " + maxRows + " data lines");
                }
                checkCharacters(line, header, record);
                lines.add(BatchLine.pending(line, cells(columns, record)));
            }
            if (lines.isEmpty()) {
                throw refuse("file", "empty", "the file has a header but no data lines");
            }
            return new BatchFile(columns, lines);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw refuse("file", "csv", "the file is not valid CSV: " + e.getMessage());
        }
    }

    private static String decode(byte[] content) {
        return StrictUtf8.decode(content)
                .orElseThrow(() -> refuse("file", "encoding", "the file is not UTF-8 text (save it as \"CSV UTF-8\")"));
    }

    /** A cell holding a character no text may hold refuses the file, naming its line and column. */
    private static void checkCharacters(int line, List<String> header, CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            var hostile = HostileCharacters.find(record.get(i));
            if (hostile.isPresent()) {
                var column = header.get(i);
                throw refuse(
                        "line " + line + ", column " + column,
                        hostile.get().rule().rule(),
                        "line " + line + ", column '" + column + "' "
                                + hostile.get().message());
            }
        }
    }

    private static void checkHeader(List<String> columns, List<FieldSpec> inputs) {
        var errors = new ArrayList<Map<String, String>>();
        for (int i = 0; i < columns.size(); i++) {
            var column = columns.get(i);
            var hostile = HostileCharacters.find(column);
            if (hostile.isPresent()) {
                errors.add(InvalidBatchException.error(
                        "column " + (i + 1),
                        hostile.get().rule().rule(),
                        "column " + (i + 1) + " of the header " + hostile.get().message()));
            } else if (column.isBlank()) {
                errors.add(InvalidBatchException.error(
                        "column " + (i + 1), "required", "column " + (i + 1) + " of the header has no name"));
            } else if (inputs.stream().noneMatch(f -> f.name().equals(column))) {
                errors.add(InvalidBatchException.error(column, "unknown", "the model has no input '" + column + "'"));
            }
        }
        for (var field : inputs) {
            if (field.sensitivity() != Sensitivity.DROP && !columns.contains(field.name())) {
                errors.add(InvalidBatchException.error(
                        field.name(), "required", "the header lacks the column '" + field.name() + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidBatchException(
                    400,
                    String.join("; ", errors.stream().map(e -> e.get("message")).toList()),
                    errors);
        }
    }

    private static Map<String, String> cells(List<String> columns, CSVRecord record) {
        var cells = new LinkedHashMap<String, String>();
        for (var column : columns) {
            cells.put(column, record.get(column));
        }
        return cells;
    }

    /** A field the model never receives: accepted in the header, then neither kept nor sent. */
    private static boolean dropped(String column, List<FieldSpec> inputs) {
        return inputs.stream().anyMatch(f -> f.name().equals(column) && f.sensitivity() == Sensitivity.DROP);
    }

    /** A file to start from: the header the model takes and one line of valid example values. */
    public static String template(List<FieldSpec> inputs) {
        var fields =
                inputs.stream().filter(f -> f.sensitivity() != Sensitivity.DROP).toList();
        var out = new StringBuilder();
        try (var csv = SpreadsheetCsv.plain(out)) {
            csv.row(fields.stream().map(FieldSpec::name).toList());
            csv.row(fields.stream().map(BatchCsv::example).toList());
        }
        return out.toString();
    }

    private static String example(FieldSpec field) {
        if (field.datatype() == DataType.BYTES) {
            return "…";
        }
        var low = field.minimum() == null ? 0.0 : field.minimum();
        var high = field.maximum() == null ? low + 1 : field.maximum();
        var value = field.datatype() == DataType.INT64
                ? String.valueOf((long) Math.ceil((low + Math.min(high, low + 1)) / 2))
                : BatchResults.number(low + Math.min(high - low, 100) / 2);
        return String.join(" ", Collections.nCopies(Math.max(1, field.rowWidth()), value));
    }

    static InvalidBatchException refuse(String field, String rule, String message) {
        return new InvalidBatchException(400, message, List.of(InvalidBatchException.error(field, rule, message)));
    }
}
