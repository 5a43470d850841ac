package org.citymaas.portal.batch.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.control.LineOutputs;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchJobRecord;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.BatchRowRecord;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Batch jobs and their lines in PostgreSQL. A job and all its lines are stored with the audit
 * event of the submission in one transaction; each line's result, its masked input (replacing the
 * raw one) and the job's counts move together, so the progress read back is always what was kept.
 * Progress is written with conditional bulk updates, never by loading and saving a job: runner
 * threads and portal instances may touch the same job. Reads run in a transaction too: outside one,
 * the container may hand concurrent runner threads the same persistence context.
 */
@ApplicationScoped
public class BatchJobs {

    /** Lines inserted per flush (matches hibernate.jdbc.batch_size): a 10,000-line file stays one pass. */
    static final int INSERT_CHUNK = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> ERRORS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {};
    private static final TypeReference<List<String>> COLUMNS = new TypeReference<>() {};
    private static final List<BatchStatus> ACTIVE = List.of(BatchStatus.QUEUED, BatchStatus.RUNNING);

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    BatchLeases leases;

    /** Stores the job (leased to this instance, which runs it), its lines and the submission's audit event, all or nothing. */
    @Transactional
    public void create(BatchJob job, List<BatchLine> lines, AuditEvent submitted) {
        try {
            var record = new BatchJobRecord(job, json(job.columns()));
            em.persist(record);
            var chunk = new ArrayList<BatchRowRecord>(INSERT_CHUNK);
            for (var line : lines) {
                var row = new BatchRowRecord(job.id(), line.line(), json(line.cells()), job.requestId(line.line()));
                em.persist(row);
                chunk.add(row);
                if (chunk.size() == INSERT_CHUNK) {
                    flush(chunk);
                }
            }
            flush(chunk);
            em.detach(record);
            leases.holdNew(job.id());
        } catch (PersistenceException e) {
            throw new LedgerException("could not store the batch job", e);
        }
        audit.append(submitted);
    }

    /** The department's job, if it has one with this id. */
    @Transactional
    public Optional<BatchJob> find(TenantId tenant, UUID id) {
        return jobs(() -> em.createQuery(
                                "SELECT j FROM BatchJobRecord j WHERE j.id = :id AND j.tenant = :tenant",
                                BatchJobRecord.class)
                        .setParameter("id", id)
                        .setParameter("tenant", tenant.value())
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** The department's latest jobs, newest first. */
    @Transactional
    public List<BatchJob> recent(TenantId tenant, int limit) {
        return jobs(() -> em.createQuery(
                        "SELECT j FROM BatchJobRecord j WHERE j.tenant = :tenant ORDER BY j.createdAt DESC",
                        BatchJobRecord.class)
                .setParameter("tenant", tenant.value())
                .setMaxResults(limit)
                .getResultList());
    }

    /** Failed jobs of every department with lines that never ran (and so still hold what was uploaded). */
    @Transactional
    public List<BatchJob> failedWithOpenLines() {
        return jobs(() -> em.createQuery(
                        "SELECT j FROM BatchJobRecord j WHERE j.status = :failed AND EXISTS (SELECT r.line FROM"
                                + " BatchRowRecord r WHERE r.jobId = j.id AND r.finishedAt IS NULL) ORDER BY"
                                + " j.createdAt",
                        BatchJobRecord.class)
                .setParameter("failed", BatchStatus.FAILED)
                .getResultList());
    }

    /** Jobs of every department that were queued or running (when the portal stopped). */
    @Transactional
    public List<BatchJob> unfinished() {
        return jobs(() -> em.createQuery(
                        "SELECT j FROM BatchJobRecord j WHERE j.status IN :active ORDER BY j.createdAt",
                        BatchJobRecord.class)
                .setParameter("active", ACTIVE)
                .getResultList());
    }

    /** These jobs, of any department, that are still queued or running. */
    @Transactional
    public List<BatchJob> active(List<UUID> ids) {
        return jobs(() -> em.createQuery(
                        "SELECT j FROM BatchJobRecord j WHERE j.id IN :ids AND j.status IN :active ORDER BY"
                                + " j.createdAt",
                        BatchJobRecord.class)
                .setParameter("ids", ids)
                .setParameter("active", ACTIVE)
                .getResultList());
    }

    /** The job's lines in the file's order: all of them, or only those without a result yet. */
    @Transactional
    public List<BatchLine> lines(UUID job, boolean includeDone) {
        var open = includeDone ? "" : " AND r.finishedAt IS NULL";
        try {
            return em
                    .createQuery(
                            "SELECT r FROM BatchRowRecord r WHERE r.jobId = :job" + open + " ORDER BY r.line",
                            BatchRowRecord.class)
                    .setParameter("job", job)
                    .getResultList()
                    .stream()
                    .map(BatchJobs::line)
                    .toList();
        } catch (PersistenceException | IllegalStateException e) {
            throw new LedgerException("could not read the batch's lines", e);
        }
    }

    /**
     * The job's lines that were refused or failed (a status kept, no output), in the file's order: what
     * its view lists, read without the answered lines (a view polled while 10,000 lines run read them all).
     */
    @Transactional
    public List<BatchLine> refusedLines(UUID job) {
        try {
            return em
                    .createQuery(
                            "SELECT r FROM BatchRowRecord r WHERE r.jobId = :job AND r.errorStatus IS NOT NULL"
                                    + " ORDER BY r.line",
                            BatchRowRecord.class)
                    .setParameter("job", job)
                    .getResultList()
                    .stream()
                    .map(BatchJobs::line)
                    .filter(BatchLine::refused)
                    .toList();
        } catch (PersistenceException | IllegalStateException e) {
            throw new LedgerException("could not read the batch's lines", e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void start(UUID job, Instant now) {
        update(() -> em.createQuery("UPDATE BatchJobRecord j SET j.status = :running, j.startedAt ="
                        + " coalesce(j.startedAt, :now) WHERE j.id = :id AND j.status IN :active")
                .setParameter("running", BatchStatus.RUNNING)
                .setParameter("now", now)
                .setParameter("id", job)
                .setParameter("active", ACTIVE)
                .executeUpdate());
    }

    /**
     * Keeps one line's answer (outputs) or refusal (its outcome's status, message, errors) and counts it, together;
     * the line's input is replaced by the result's cells (its masked form), so the raw input goes in
     * the same transaction. A line is finished once: a second result for it changes nothing.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void finishLine(UUID job, BatchLine result, Instant now) {
        finishLines(job, List.of(result), now);
    }

    /**
     * Keeps several lines' results as {@link #finishLine} keeps one, in the caller's transaction (a
     * chunk's results commit with its usage and audit events), counting them in one update.
     */
    @Transactional
    public void finishLines(UUID job, List<BatchLine> results, Instant now) {
        int ok = 0;
        int failed = 0;
        try {
            for (var result : results) {
                if (keep(job, result, now) == 1) {
                    if (result.outcome() == LineOutcome.DONE) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
            }
            if (ok + failed > 0) {
                em.createQuery("UPDATE BatchJobRecord j SET j.okRows = j.okRows + :ok, j.failedRows ="
                                + " j.failedRows + :failed WHERE j.id = :id")
                        .setParameter("ok", ok)
                        .setParameter("failed", failed)
                        .setParameter("id", job)
                        .executeUpdate();
            }
        } catch (PersistenceException e) {
            throw new LedgerException("could not keep the batch lines' results", e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void finish(UUID job, BatchStatus status, Instant now) {
        update(() -> em.createQuery(
                        "UPDATE BatchJobRecord j SET j.status = :status, j.finishedAt = :now WHERE j.id = :id")
                .setParameter("status", status)
                .setParameter("now", now)
                .setParameter("id", job)
                .executeUpdate());
    }

    /** One line's result as its row keeps it. */
    /** One line's result kept, unless it was kept already: the rows updated (0 or 1). */
    private int keep(UUID job, BatchLine result, Instant now) {
        var ok = result.outcome() == LineOutcome.DONE;
        return em.createQuery("UPDATE BatchRowRecord r SET r.input = :input, r.output = :output,"
                        + " r.errorStatus = :status, r.errorMessage = :message, r.errors = :errors,"
                        + " r.finishedAt = :now WHERE r.jobId = :job AND r.line = :line AND r.finishedAt IS"
                        + " NULL")
                .setParameter("input", json(result.cells()))
                .setParameter("output", ok ? LineOutputs.json(result.outputs()) : null)
                .setParameter("status", ok ? null : result.outcome().status())
                .setParameter("message", result.errorMessage())
                .setParameter("errors", result.errors().isEmpty() ? null : json(result.errors()))
                .setParameter("now", now)
                .setParameter("job", job)
                .setParameter("line", result.line())
                .executeUpdate();
    }

    /**
     * Sends the chunk's inserts (one JDBC batch) and lets go of its rows, so that a large file does not
     * fill the persistence context; only these rows: the caller's transaction may hold other entities.
     */
    private void flush(List<BatchRowRecord> chunk) {
        em.flush();
        chunk.forEach(em::detach);
        chunk.clear();
    }

    private static void update(Runnable update) {
        try {
            update.run();
        } catch (PersistenceException e) {
            throw new LedgerException("could not update the batch job", e);
        }
    }

    private static List<BatchJob> jobs(Supplier<List<BatchJobRecord>> query) {
        try {
            return query.get().stream()
                    .map(r -> r.view(read(r.columnsJson(), COLUMNS)))
                    .toList();
        } catch (PersistenceException | IllegalStateException e) {
            throw new LedgerException("could not read batch jobs", e);
        }
    }

    private static BatchLine line(BatchRowRecord row) {
        var output = row.outputJson();
        var status = row.errorStatus();
        return new BatchLine(
                row.line(),
                read(row.inputJson(), CELLS),
                output != null ? LineOutcome.DONE : status == null ? null : LineOutcome.ofStatus(status),
                output == null ? null : LineOutputs.read(output),
                row.errorMessage(),
                row.errorsJson() == null ? List.of() : read(row.errorsJson(), ERRORS));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
