package org.citymaas.portal.batch.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * A finished line as the portal keeps it: each cell replaced by what the request masking made of it,
 * so that the raw input lives only while its line waits to run. Every cell goes to the masking as
 * text, numbers included: a valid number comes back as it was (the model saw it so), while a refused
 * line's cell may hold any text and is scanned or pseudonymized by its field's sensitivity all the same.
 */
public final class LineMasking {

    private static final long[] ONE = {1, 1};

    private LineMasking() {}

    /** The line's cells as the masking takes them: one {@code [1, 1]} text tensor per column. */
    public static List<Tensor> tensors(BatchLine line) {
        return line.cells().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(cell -> Tensor.bytes(cell.getKey(), ONE, cell.getValue()))
                .toList();
    }

    /**
     * The line with its cells replaced by their masked values. A cell the masking did not give back
     * is kept empty: a raw value is never kept past its run.
     */
    public static BatchLine masked(BatchLine line, List<Tensor> masked) {
        var cells = new LinkedHashMap<String, String>();
        for (var column : line.cells().keySet()) {
            cells.put(
                    column,
                    masked.stream()
                            .filter(t -> t.name().equals(column) && t.datatype() == DataType.BYTES && t.size() == 1)
                            .map(t -> t.strings()[0])
                            .findFirst()
                            .orElse(""));
        }
        return line.withCells(cells);
    }

    /** The line with no input kept at all: for when the masking itself failed. */
    public static BatchLine emptied(BatchLine line) {
        var cells = new LinkedHashMap<String, String>();
        line.cells().keySet().forEach(column -> cells.put(column, ""));
        return line.withCells(cells);
    }
}
