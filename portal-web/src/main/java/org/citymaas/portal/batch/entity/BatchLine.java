package org.citymaas.portal.batch.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.portal.inference.entity.ReadableOutput;

/**
 * One data line of a batch file and, once it ran, how it ended: its outputs, or its refusal.
 *
 * @param line the line number in the file (the header is line 1)
 * @param cells the line's values by column name: as uploaded while the line waits to run, masked
 *     once it ran
 * @param outcome how it ended, null while it waits to run
 * @param outputs the outputs of a {@link LineOutcome#DONE} line, else null
 * @param errorMessage what was wrong, naming the field where one was at fault, or null
 * @param errors for an invalid line, each field at fault ({@code field}, {@code rule}, {@code message})
 */
public record BatchLine(
        int line,
        Map<String, String> cells,
        LineOutcome outcome,
        List<ReadableOutput> outputs,
        String errorMessage,
        List<Map<String, String>> errors) {

    public BatchLine {
        cells = Map.copyOf(cells);
        outputs = outputs == null ? null : List.copyOf(outputs);
        errors = errors == null ? List.of() : errors.stream().map(Map::copyOf).toList();
        if ((outcome == LineOutcome.DONE) != (outputs != null)) {
            throw new IllegalArgumentException("a line has outputs exactly when it is done");
        }
    }

    public static BatchLine pending(int line, Map<String, String> cells) {
        return new BatchLine(line, cells, null, null, null, List.of());
    }

    /** The line answered. */
    public BatchLine answered(List<ReadableOutput> outputs) {
        return new BatchLine(line, cells, LineOutcome.DONE, outputs, null, List.of());
    }

    /** The line refused or failed, with what was wrong. */
    public BatchLine refused(LineOutcome outcome, String message, List<Map<String, String>> errors) {
        if (outcome == LineOutcome.DONE) {
            throw new IllegalArgumentException("a refused line is not done");
        }
        return new BatchLine(line, cells, outcome, null, message, errors);
    }

    /** The same outcome with other cells (their masked form). */
    public BatchLine withCells(Map<String, String> cells) {
        return new BatchLine(line, cells, outcome, outputs, errorMessage, errors);
    }

    /** Whether it ran: answered, refused or failed. */
    public boolean done() {
        return outcome != null;
    }

    /** Whether it was refused or failed. */
    public boolean refused() {
        return outcome != null && outcome != LineOutcome.DONE;
    }

    public Optional<String> cell(String column) {
        return Optional.ofNullable(cells.get(column));
    }
}
