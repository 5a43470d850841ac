package org.citymaas.portal.models.control;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.citymaas.runtime.training.boundary.HeldOutMetrics;
import org.citymaas.security.input.boundary.HostileCharacters;

/**
 * The group columns of a held-out file: one per group attribute of the card's generator, named {@code
 * group:<attribute>} ({@code group:sex}), holding each row's group label. Never an input: the labels are not
 * sent to the model, only used to break the rows down for the fairness report. A file has either all of them or
 * none. A label is 1 to {@value #MAX_LABEL_LENGTH} characters with no control, NUL or bidirectional override
 * character; an attribute has at most {@value #MAX_GROUPS} distinct labels. Refusals are {@code heldout-invalid},
 * naming the line and column, never quoting a cell.
 */
final class GroupColumns {

    /** The most characters of a group label. */
    static final int MAX_LABEL_LENGTH = 64;

    /** The most distinct labels of one attribute in a file. */
    static final int MAX_GROUPS = 64;

    private GroupColumns() {}

    /** Whether a header names a group column (whatever its attribute). */
    static boolean isGroupColumn(String name) {
        return name.startsWith(HeldOutMetrics.GROUP_COLUMN_PREFIX);
    }

    /**
     * Checks the header's group columns against the attributes the generator breaks rows down by.
     *
     * @return whether the file has group columns (then every attribute's)
     */
    static boolean check(List<String> header, List<String> attributes) {
        var expected = attributes.stream().map(HeldOutMetrics::groupColumn).toList();
        boolean any = false;
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i);
            if (!isGroupColumn(name)) {
                continue;
            }
            any = true;
            if (!expected.contains(name)) {
                throw HeldOutFile.invalid(
                        1,
                        name,
                        "column " + (i + 1) + " of the held-out file's header, '" + HeldOutFile.shortened(name)
                                + "', is a group column of no group attribute of the card's generator; "
                                + (expected.isEmpty()
                                        ? "it has none"
                                        : "its group columns are " + String.join(", ", expected)));
            }
        }
        if (any) {
            for (var name : expected) {
                if (!header.contains(name)) {
                    throw HeldOutFile.invalid(
                            1,
                            name,
                            "the held-out file's header lacks the group column '" + name
                                    + "': a file has a group column for every group attribute or none");
                }
            }
        }
        return any;
    }

    /** Each attribute's labels, one per row, checked. */
    static Map<String, String[]> read(List<String> attributes, List<CSVRecord> records, List<Integer> lines) {
        var groups = new LinkedHashMap<String, String[]>();
        for (var attribute : attributes) {
            var column = HeldOutMetrics.groupColumn(attribute);
            var labels = new String[records.size()];
            var distinct = new HashSet<String>();
            for (int r = 0; r < labels.length; r++) {
                int line = lines.get(r);
                var cell = records.get(r).get(column);
                var hostile = HostileCharacters.find(cell);
                if (hostile.isPresent()) {
                    throw HeldOutFile.invalid(
                            line,
                            column,
                            "line " + line + ", column '" + column + "' of the held-out file "
                                    + hostile.get().message());
                }
                if (cell.isEmpty() || cell.length() > MAX_LABEL_LENGTH) {
                    throw HeldOutFile.invalid(
                            line,
                            column,
                            "line " + line + ", column '" + column + "' of the held-out file "
                                    + (cell.isEmpty()
                                            ? "is empty: every row needs its group label"
                                            : "is longer than " + MAX_LABEL_LENGTH + " characters"));
                }
                if (distinct.add(cell) && distinct.size() > MAX_GROUPS) {
                    throw HeldOutFile.invalid(
                            line,
                            column,
                            "column '" + column + "' of the held-out file has more than " + MAX_GROUPS
                                    + " distinct group labels (line " + line + ")");
                }
                labels[r] = cell;
            }
            groups.put(attribute, labels);
        }
        return groups;
    }
}
