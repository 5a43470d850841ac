package org.citymaas.portal.batch.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashSet;
import java.util.List;

/**
 * Keeps a chunk's line results in one statement on the caller's transaction: the rows travel as one JSON
 * document ({@code jsonb_to_recordset}), each line's masked input, output or error and its finish time are
 * written only where the line is not finished yet (so that a line is finished once), and the statement
 * answers the lines it finished. One round trip for a chunk instead of one per line.
 */
public final class LineResultRows {

    /** Parameters: 1 the finish time, 2 the rows' document ({@link #document}), 3 the job's id. */
    public static final String KEEP = "UPDATE batch_row r SET input = CAST(v.input AS jsonb),"
            + " output = CAST(v.output AS jsonb), error_status = v.status, error_message = v.message,"
            + " errors = CAST(v.errors AS jsonb), finished_at = ?1"
            + " FROM jsonb_to_recordset(CAST(?2 AS jsonb)) AS v(line integer, input text, output text,"
            + " status integer, message text, errors text)"
            + " WHERE r.job_id = ?3 AND r.line = v.line AND r.finished_at IS NULL RETURNING r.line";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line's result as the row keeps it, JSON as text.
     *
     * @param line the line number
     * @param input its cells (masked), JSON
     * @param output its v2 outputs when answered, else null
     * @param status its error status when refused or failed, else null
     * @param message its error message, or null
     * @param errors the fields at fault (JSON), or null
     */
    public record Row(int line, String input, String output, Integer status, String message, String errors) {}

    private LineResultRows() {}

    /** The rows as the JSON array {@link #KEEP} reads: one object a row, a missing member for a null. */
    public static String document(List<Row> rows) {
        var array = JsonNodeFactory.instance.arrayNode(rows.size());
        for (var row : rows) {
            var node = array.addObject().put("line", row.line()).put("input", row.input());
            if (row.output() != null) {
                node.put("output", row.output());
            }
            if (row.status() != null) {
                node.put("status", row.status());
            }
            if (row.message() != null) {
                node.put("message", row.message());
            }
            if (row.errors() != null) {
                node.put("errors", row.errors());
            }
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the lines' results", e);
        }
    }

    /**
     * Which of the rows the statement finished.
     *
     * @param rows the rows sent
     * @param finished the line numbers the statement answered
     * @return per row, whether it took effect (false: the line was finished already)
     */
    public static boolean[] kept(List<Row> rows, List<?> finished) {
        var lines = new HashSet<Integer>();
        for (var line : finished) {
            lines.add(((Number) line).intValue());
        }
        var kept = new boolean[rows.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = lines.contains(rows.get(i).line());
        }
        return kept;
    }
}
