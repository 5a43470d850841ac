package org.citymaas.portal.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The stored form of a {@link BatchJob} (table {@code batch_job}). It is created once, with the
 * submission; its progress, start, end and purge move through conditional bulk updates in
 * {@code BatchJobs} and {@code BatchRetention} (several portal instances and runner threads touch
 * the same job), so it has no setters. {@code columns} is the header as JSON text: the column is
 * jsonb, mapped as JSON in {@code META-INF/orm.xml}.
 */
@Entity
@Table(name = "batch_job")
public class BatchJobRecord {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, updatable = false)
    private String caller;

    @Column(name = "caller_sub", nullable = false, updatable = false)
    private String callerSubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_kind", nullable = false, updatable = false)
    private CallerKind callerKind;

    @Column(nullable = false, updatable = false)
    private String model;

    @Column(name = "model_version", updatable = false)
    private String version;

    @Column(name = "file_name")
    private String fileName;

    private String columns;

    @Column(name = "total_rows", nullable = false, updatable = false)
    private int totalRows;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BatchStatus status;

    @Column(name = "ok_rows", nullable = false)
    private int okRows;

    @Column(name = "failed_rows", nullable = false)
    private int failedRows;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "purged_at")
    private Instant purgedAt;

    @Column(nullable = false, updatable = false)
    private boolean explain;

    protected BatchJobRecord() {}

    /**
     * A job as submitted: queued, nothing done yet.
     *
     * @param columnsJson the job's header as a JSON array
     */
    public BatchJobRecord(BatchJob job, String columnsJson) {
        if (job.status() != BatchStatus.QUEUED || job.doneRows() != 0 || job.purged()) {
            throw new IllegalArgumentException("a batch job is stored as submitted: queued, nothing done yet");
        }
        this.id = Objects.requireNonNull(job.id());
        this.tenant = job.tenant().value();
        this.caller = job.caller();
        this.callerSubject = job.callerSubject();
        this.callerKind = job.callerKind();
        this.model = job.model();
        this.version = job.version();
        this.fileName = job.fileName();
        this.columns = Objects.requireNonNull(columnsJson);
        this.totalRows = job.totalRows();
        this.status = job.status();
        this.createdAt = Objects.requireNonNull(job.createdAt());
        this.explain = job.explain();
    }

    /** The job as the rest of the portal sees it, with its header read back from {@link #columnsJson()}. */
    public BatchJob view(List<String> columns) {
        return new BatchJob(
                id,
                new TenantId(tenant),
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
                explain);
    }

    public UUID id() {
        return id;
    }

    /** The file's header as a JSON array. */
    public String columnsJson() {
        return columns;
    }
}
