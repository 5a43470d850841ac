package org.citymaas.portal.batch.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * One uploaded CSV file scored line by line for a department.
 *
 * @param caller who submitted it (its lines run, and are audited, as this caller)
 * @param callerSubject Keycloak's subject of the caller
 * @param version the version asked for, or null for the department's default
 * @param columns the file's header, in its order
 * @param okRows lines answered so far
 * @param failedRows lines refused or failed so far
 * @param fileName the uploaded file's name; null once the job was purged
 * @param purgedAt when retention deleted its lines (and so its results) and its file name, or null
 * @param explain whether each line is explained too: its results carry the attribution of each answer
 */
public record BatchJob(
        UUID id,
        TenantId tenant,
        String caller,
        String callerSubject,
        CallerKind callerKind,
        String model,
        String version,
        String fileName,
        List<String> columns,
        int totalRows,
        BatchStatus status,
        int okRows,
        int failedRows,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant purgedAt,
        boolean explain) {

    /** A job whose lines are answered, not explained. */
    public BatchJob(
            UUID id,
            TenantId tenant,
            String caller,
            String callerSubject,
            CallerKind callerKind,
            String model,
            String version,
            String fileName,
            List<String> columns,
            int totalRows,
            BatchStatus status,
            int okRows,
            int failedRows,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            Instant purgedAt) {
        this(
                id,
                tenant,
                caller,
                callerSubject,
                callerKind,
                model,
                version,
                fileName,
                columns,
                totalRows,
                status,
                okRows,
                failedRows,
                createdAt,
                startedAt,
                finishedAt,
                purgedAt,
                false);
    }

    public BatchJob {
        columns = List.copyOf(columns);
    }

    /** Whether retention deleted its lines: only its counts, status and times are left. */
    public boolean purged() {
        return purgedAt != null;
    }

    public int doneRows() {
        return okRows + failedRows;
    }

    /** Progress in whole percent; 100 only once every line is done. */
    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.floor(100.0 * doneRows() / totalRows);
    }

    /** The request id of one line: the same whenever the line runs, so it is charged once. */
    public String requestId(int line) {
        return requestId(id, line);
    }

    public static String requestId(UUID job, int line) {
        return "batch-" + job + "-" + line;
    }
}
