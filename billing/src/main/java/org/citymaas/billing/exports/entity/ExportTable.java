package org.citymaas.billing.exports.entity;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One export file's content as text, before it is written as CSV or JSON Lines: the header, then one
 * row of cells per record, in header order. A null cell is a value that is absent (FOCUS's null): an
 * empty CSV cell, a JSON {@code null}.
 *
 * @param baseName the file name without its extension, such as {@code citymaas-focus-2026-11}
 * @param month the month exported (Asia/Shanghai)
 * @param kind final or preview
 * @param header the column names
 * @param rows the records, each as many cells as the header has names
 */
public record ExportTable(
        String baseName, YearMonth month, ExportKind kind, List<String> header, List<List<String>> rows) {

    private static final Pattern BASE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public ExportTable {
        Objects.requireNonNull(baseName, "base name");
        if (!BASE_NAME.matcher(baseName).matches()) {
            throw new IllegalArgumentException(
                    "an export's base name is lowercase letters, digits and '-', not " + baseName);
        }
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        header = List.copyOf(header);
        var copied = new ArrayList<List<String>>(rows.size());
        for (var row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "a row of " + baseName + " has " + row.size() + " cells for " + header.size() + " columns");
            }
            // cells may be null, which List.copyOf refuses
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** The cells of one column, top to bottom. */
    public List<String> column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(baseName + " has no column " + name);
        }
        return rows.stream().map(row -> row.get(index)).toList();
    }
}
