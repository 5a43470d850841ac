package org.citymaas.portal.batch.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.control.LineOutputs;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.CallerKind;

/**
 * Batch jobs and their lines in PostgreSQL. A job and all its lines are stored with the audit
 * event of the submission in one transaction; each line's result, its masked input (replacing the
 * raw one) and the job's counts move together, so the progress read back is always what was kept.
 */
@ApplicationScoped
public class BatchJobs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> ERRORS = new TypeReference<>() {};
    private static final String INSERTED_COLUMNS = "id, tenant_id, caller, caller_sub, caller_kind, model,"
            + " model_version, file_name, columns, total_rows, status, ok_rows, failed_rows, created_at, started_at,"
            + " finished_at";
    private static final String JOB_COLUMNS = INSERTED_COLUMNS + ", purged_at";
    private static final String INSERT_JOB = "INSERT INTO batch_job (" + INSERTED_COLUMNS + ") VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE =
            "INSERT INTO batch_row (job_id, line, input, request_id) VALUES (?, ?, ?::jsonb, ?)";
    private static final String FIND = "SELECT " + JOB_COLUMNS + " FROM batch_job WHERE id = ? AND tenant_id = ?";
    private static final String RECENT =
            "SELECT " + JOB_COLUMNS + " FROM batch_job WHERE tenant_id = ? ORDER BY created_at DESC LIMIT ?";
    private static final String UNFINISHED =
            "SELECT " + JOB_COLUMNS + " FROM batch_job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at";
    private static final String FAILED_WITH_OPEN_LINES = "SELECT " + JOB_COLUMNS + " FROM batch_job j WHERE status ="
            + " 'FAILED' AND EXISTS (SELECT 1 FROM batch_row r WHERE r.job_id = j.id AND r.finished_at IS NULL)"
            + " ORDER BY created_at";
    private static final String LINES = "SELECT line, input, output, error_status, error_message, errors FROM batch_row"
            + " WHERE job_id = ? AND (? OR finished_at IS NULL) ORDER BY line";
    private static final String START = "UPDATE batch_job SET status = 'RUNNING', started_at = coalesce(started_at, ?)"
            + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')";
    private static final String FINISH_LINE = "UPDATE batch_row SET input = ?::jsonb, output = ?::jsonb,"
            + " error_status = ?, error_message = ?, errors = ?::jsonb, finished_at = ? WHERE job_id = ?"
            + " AND line = ? AND finished_at IS NULL";
    private static final String COUNT_LINE =
            "UPDATE batch_job SET ok_rows = ok_rows + ?," + " failed_rows = failed_rows + ? WHERE id = ?";
    private static final String FINISH = "UPDATE batch_job SET status = ?, finished_at = ? WHERE id = ?";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    /** Stores the job, its lines and the audit event of the submission, all or nothing. */
    @Transactional
    public void create(BatchJob job, List<BatchLine> lines, AuditEvent submitted) {
        try (var connection = dataSource.getConnection()) {
            try (var insert = connection.prepareStatement(INSERT_JOB)) {
                insert.setObject(1, job.id());
                insert.setString(2, job.tenant());
                insert.setString(3, job.caller());
                insert.setString(4, job.callerSubject());
                insert.setString(5, job.callerKind().name());
                insert.setString(6, job.model());
                insert.setString(7, job.version());
                insert.setString(8, job.fileName());
                insert.setString(9, json(job.columns()));
                insert.setInt(10, job.totalRows());
                insert.setString(11, job.status().name());
                insert.setInt(12, job.okRows());
                insert.setInt(13, job.failedRows());
                insert.setTimestamp(14, Timestamp.from(job.createdAt()));
                insert.setTimestamp(15, null);
                insert.setTimestamp(16, null);
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement(INSERT_LINE)) {
                for (var line : lines) {
                    insert.setObject(1, job.id());
                    insert.setInt(2, line.line());
                    insert.setString(3, json(line.cells()));
                    insert.setString(4, job.requestId(line.line()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            audit.append(submitted);
        } catch (SQLException e) {
            throw new LedgerException("could not store the batch job", e);
        }
    }

    /** The department's job, if it has one with this id. */
    public Optional<BatchJob> find(String tenant, UUID id) {
        return jobs(FIND, id, tenant).stream().findFirst();
    }

    /** The department's latest jobs, newest first. */
    public List<BatchJob> recent(String tenant, int limit) {
        return jobs(RECENT, tenant, limit);
    }

    /** Failed jobs of every department with lines that never ran (and so still hold what was uploaded). */
    public List<BatchJob> failedWithOpenLines() {
        return jobs(FAILED_WITH_OPEN_LINES);
    }

    /** Jobs of every department that were queued or running (when the portal stopped). */
    public List<BatchJob> unfinished() {
        return jobs(UNFINISHED);
    }

    /** The job's lines in the file's order: all of them, or only those without a result yet. */
    public List<BatchLine> lines(UUID job, boolean includeDone) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(LINES)) {
            query.setObject(1, job);
            query.setBoolean(2, includeDone);
            try (var rows = query.executeQuery()) {
                var lines = new ArrayList<BatchLine>();
                while (rows.next()) {
                    var output = rows.getString("output");
                    var status = rows.getObject("error_status", Integer.class);
                    lines.add(new BatchLine(
                            rows.getInt("line"),
                            JSON.readValue(rows.getString("input"), new TypeReference<Map<String, String>>() {}),
                            output != null ? LineOutcome.DONE : status == null ? null : LineOutcome.ofStatus(status),
                            output == null ? null : LineOutputs.read(output),
                            rows.getString("error_message"),
                            rows.getString("errors") == null
                                    ? List.of()
                                    : JSON.readValue(rows.getString("errors"), ERRORS)));
                }
                return lines;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new LedgerException("could not read the batch's lines", e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void start(UUID job, Instant now) {
        update(START, Timestamp.from(now), job);
    }

    /**
     * Keeps one line's answer (outputs) or refusal (its outcome's status, message, errors) and counts it, together;
     * the line's input is replaced by the result's cells (its masked form), so the raw input goes in
     * the same transaction.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void finishLine(UUID job, BatchLine result, Instant now) {
        try (var connection = dataSource.getConnection();
                var finish = connection.prepareStatement(FINISH_LINE);
                var count = connection.prepareStatement(COUNT_LINE)) {
            var ok = result.outcome() == LineOutcome.DONE;
            finish.setString(1, json(result.cells()));
            finish.setString(2, ok ? LineOutputs.json(result.outputs()) : null);
            finish.setObject(3, ok ? null : result.outcome().status());
            finish.setString(4, result.errorMessage());
            finish.setString(5, result.errors().isEmpty() ? null : json(result.errors()));
            finish.setTimestamp(6, Timestamp.from(now));
            finish.setObject(7, job);
            finish.setInt(8, result.line());
            if (finish.executeUpdate() == 1) {
                count.setInt(1, ok ? 1 : 0);
                count.setInt(2, ok ? 0 : 1);
                count.setObject(3, job);
                count.executeUpdate();
            }
        } catch (SQLException e) {
            throw new LedgerException("could not keep the batch line's result", e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void finish(UUID job, BatchStatus status, Instant now) {
        update(FINISH, status.name(), Timestamp.from(now), job);
    }

    private void update(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(sql)) {
            bind(update, parameters);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("could not update the batch job", e);
        }
    }

    private List<BatchJob> jobs(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (var rows = query.executeQuery()) {
                var jobs = new ArrayList<BatchJob>();
                while (rows.next()) {
                    jobs.add(job(rows));
                }
                return jobs;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new LedgerException("could not read batch jobs", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static BatchJob job(ResultSet rows) throws SQLException, JsonProcessingException {
        return new BatchJob(
                rows.getObject("id", UUID.class),
                rows.getString("tenant_id"),
                rows.getString("caller"),
                rows.getString("caller_sub"),
                CallerKind.valueOf(rows.getString("caller_kind")),
                rows.getString("model"),
                rows.getString("model_version"),
                rows.getString("file_name"),
                JSON.readValue(rows.getString("columns"), new TypeReference<List<String>>() {}),
                rows.getInt("total_rows"),
                BatchStatus.valueOf(rows.getString("status")),
                rows.getInt("ok_rows"),
                rows.getInt("failed_rows"),
                instant(rows, "created_at"),
                instant(rows, "started_at"),
                instant(rows, "finished_at"),
                instant(rows, "purged_at"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        var time = rows.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
