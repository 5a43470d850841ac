package org.citymaas.portal.models.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.portal.exports.control.CsvLineNumbers;
import org.citymaas.portal.exports.control.StrictUtf8;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.input.boundary.HostileCharacters;

/**
 * Reads a held-out file: CSV, UTF-8 (a byte order mark is ignored), a header row, then one data line per
 * held-out row (empty lines are skipped). A field of one value per row is one column named as the field; a
 * field of {@code w} values per row ({@code recent_counts}: 24) is {@code w} columns {@code name[0]} to
 * {@code name[w-1]}, in any order. Numbers are plain decimals (no NaN, no infinity, no hexadecimal) within
 * the field's minimum and maximum; INT64 fields take whole numbers. The file may also carry one group column per
 * group attribute of the card's generator ({@link GroupColumns}: {@code group:<attribute>}, labels, never sent to
 * the model). Anything unusable refuses the whole file with reason {@code heldout-invalid}, naming the line and
 * column, never quoting a cell.
 */
public final class HeldOutFile {

    private static final char BOM = '\uFEFF';
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private HeldOutFile() {}

    /**
     * A held-out file's rows, as one tensor per field (the batch dimension first), and their group labels.
     *
     * @param rows data lines
     * @param columns by field name
     * @param groups each group attribute's label per row, by attribute; empty when the file has no group columns
     */
    public record HeldOutRows(int rows, Map<String, Tensor> columns, Map<String, String[]> groups) {

        public HeldOutRows {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        }
    }

    /** The CSV header a file for these fields has. */
    public static List<String> header(List<FieldSpec> fields) {
        var names = new ArrayList<String>();
        for (var f : fields) {
            if (f.rowWidth() == 1) {
                names.add(f.name());
            } else {
                for (int i = 0; i < f.rowWidth(); i++) {
                    names.add(f.name() + "[" + i + "]");
                }
            }
        }
        return names;
    }

    /**
     * @param fields the columns the file must hold (the card's inputs and the targets)
     * @param maxRows the most data lines a file may have
     * @throws RejectedModelUploadException {@code heldout-invalid}, naming line and column
     */
    public static HeldOutRows read(byte[] content, List<FieldSpec> fields, int maxRows) {
        return read(content, fields, List.of(), maxRows);
    }

    /**
     * @param fields the columns the file must hold (the card's inputs and the targets)
     * @param groupAttributes the group attributes whose columns the file may hold ({@code group:<attribute>}, all
     *     or none)
     * @param maxRows the most data lines a file may have
     * @throws RejectedModelUploadException {@code heldout-invalid}, naming line and column
     */
    public static HeldOutRows read(byte[] content, List<FieldSpec> fields, List<String> groupAttributes, int maxRows) {
        var text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw invalid(1, null, "the held-out file is empty: it needs a header row and at least one data line");
        }
        var expected = header(fields);
        var lineNumbers = new CsvLineNumbers(text);
        var records = new ArrayList<CSVRecord>();
        var lines = new ArrayList<Integer>();
        List<String> header;
        boolean grouped;
        try (var parser = FORMAT.parse(new StringReader(text))) {
            header = parser.getHeaderNames();
            checkHeader(header, expected);
            grouped = GroupColumns.check(header, groupAttributes);
            for (var record : parser) {
                int line = lineNumbers.lineOf(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    throw invalid(
                            line,
                            null,
                            "line " + line + " of the held-out file has " + record.size()
                                    + " values but its header has " + header.size() + " columns");
                }
                if (records.size() == maxRows) {
                    throw invalid(line, null, "the held-out file has more than " + maxRows + " data lines");
                }
                records.add(record);
                lines.add(line);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(
                    0,
                    null,
                    "the held-out file is not valid CSV (" + e.getClass().getSimpleName() + ")");
        }
        if (records.isEmpty()) {
            throw invalid(2, null, "the held-out file has a header but no data lines");
        }
        var columns = new LinkedHashMap<String, Tensor>();
        for (var field : fields) {
            columns.put(field.name(), column(field, records, lines));
        }
        return new HeldOutRows(
                records.size(), columns, grouped ? GroupColumns.read(groupAttributes, records, lines) : Map.of());
    }

    private static void checkHeader(List<String> header, List<String> expected) {
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i);
            if (HostileCharacters.find(name).isPresent()) {
                throw invalid(
                        1,
                        "column " + (i + 1),
                        "column " + (i + 1) + " of the held-out file's header holds a"
                                + " character no text may hold (control, NUL or bidirectional override)");
            }
            if (!expected.contains(name) && !GroupColumns.isGroupColumn(name)) {
                throw invalid(
                        1,
                        name,
                        "column " + (i + 1) + " of the held-out file's header, '" + shortened(name)
                                + "', is neither an input of the card nor a target; expected the columns "
                                + String.join(", ", expected));
            }
        }
        for (var name : expected) {
            if (!header.contains(name)) {
                throw invalid(1, name, "the held-out file's header lacks the column '" + name + "'");
            }
        }
    }

    private static Tensor column(FieldSpec field, List<CSVRecord> records, List<Integer> lines) {
        int width = field.rowWidth();
        int rows = records.size();
        var shape = new long[field.shape().size()];
        shape[0] = rows;
        for (int d = 1; d < shape.length; d++) {
            shape[d] = field.shape().get(d);
        }
        var names = width == 1
                ? List.of(field.name())
                : IntStream.range(0, width)
                        .mapToObj(i -> field.name() + "[" + i + "]")
                        .toList();
        return switch (field.datatype()) {
            case FP32 -> {
                var data = new float[rows * width];
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < width; i++) {
                        data[r * width + i] = (float) number(field, records.get(r), names.get(i), lines.get(r), false);
                    }
                }
                yield Tensor.fp32(field.name(), shape, data);
            }
            case INT64 -> {
                var data = new long[rows * width];
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < width; i++) {
                        data[r * width + i] = (long) number(field, records.get(r), names.get(i), lines.get(r), true);
                    }
                }
                yield Tensor.int64(field.name(), shape, data);
            }
            case BYTES -> {
                var data = new String[rows * width];
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < width; i++) {
                        data[r * width + i] = text(records.get(r), names.get(i), lines.get(r));
                    }
                }
                yield Tensor.bytes(field.name(), shape, data);
            }
        };
    }

    private static double number(FieldSpec field, CSVRecord record, String column, int line, boolean whole) {
        var cell = record.get(column);
        if (cell.isEmpty()) {
            throw invalid(line, column, "line " + line + ", column '" + column + "' of the held-out file is empty");
        }
        if (!(whole ? INTEGER : DECIMAL).matcher(cell).matches()) {
            throw invalid(
                    line,
                    column,
                    "line " + line + ", column '" + column + "' of the held-out file is not "
                            + (whole ? "a whole number" : "a number"));
        }
        double value = whole ? Long.parseLong(cell) : Double.parseDouble(cell);
        if (!Double.isFinite(value) || (!whole && Float.isInfinite((float) value))) {
            throw invalid(line, column, "line " + line + ", column '" + column + "' of the held-out file is too large");
        }
        if (field.minimum() != null && value < field.minimum() || field.maximum() != null && value > field.maximum()) {
            throw invalid(
                    line,
                    column,
                    "line " + line + ", column '" + column + "' of the held-out file is outside " + field.minimum()
                            + " to " + field.maximum());
        }
        return value;
    }

    private static String text(CSVRecord record, String column, int line) {
        var cell = record.get(column);
        var hostile = HostileCharacters.find(cell);
        if (hostile.isPresent()) {
            throw invalid(
                    line,
                    column,
                    "line " + line + ", column '" + column + "' of the held-out file "
                            + hostile.get().message());
        }
        return cell;
    }

    private static String decode(byte[] content) {
        return StrictUtf8.decode(content).orElseThrow(() -> invalid(0, null, "the held-out file is not UTF-8 text"));
    }

    /** A header name as a message may quote it: printable ASCII only, at most 40 characters. */
    static String shortened(String name) {
        var printable = name.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    static RejectedModelUploadException invalid(int line, String column, String detail) {
        var more = new LinkedHashMap<String, Object>();
        if (line > 0) {
            more.put("line", line);
        }
        if (column != null) {
            more.put("column", shortened(column));
        }
        return new RejectedModelUploadException("heldout-invalid", detail, more);
    }
}
