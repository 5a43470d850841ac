package org.citymaas.portal.batch.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Keeps a chunk's line results in one JDBC batch of conditional UPDATEs on the caller's connection (inside
 * its transaction): each line's masked input, output or error, and its finish time, only where the line is
 * not finished yet, so that a line is finished once.
 */
public final class LineResultRows {

    private static final String KEEP = "UPDATE batch_row SET input = ?::jsonb, output = ?::jsonb, error_status = ?,"
            + " error_message = ?, errors = ?::jsonb, finished_at = ? WHERE job_id = ? AND line = ?"
            + " AND finished_at IS NULL";

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

    /**
     * Updates the rows in one batch.
     *
     * @return per row, whether it took effect (false: the line was finished already)
     */
    public static boolean[] keep(Connection connection, UUID job, List<Row> rows, Instant now) throws SQLException {
        var kept = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return kept;
        }
        var finishedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (var update = connection.prepareStatement(KEEP)) {
            for (var row : rows) {
                update.setString(1, row.input());
                update.setString(2, row.output());
                if (row.status() == null) {
                    update.setNull(3, Types.INTEGER);
                } else {
                    update.setInt(3, row.status());
                }
                update.setString(4, row.message());
                update.setString(5, row.errors());
                update.setObject(6, finishedAt);
                update.setObject(7, job);
                update.setInt(8, row.line());
                update.addBatch();
            }
            var counts = update.executeBatch();
            if (counts.length != rows.size()) {
                throw new SQLException("the batch returned " + counts.length + " counts for " + rows.size());
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not say which lines were kept");
                }
                kept[i] = counts[i] == 1;
            }
        }
        return kept;
    }
}
