package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.control.RetentionPeriod;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.portal.batch.entity.RetentionRun;
import org.citymaas.portal.configuration.DatabaseLocks;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention of batch data: a job that finished (done or failed) longer ago than
 * {@code citymaas.batch.retention} (ISO-8601, default {@code P30D}) loses its lines (inputs, outputs,
 * errors: its results file is made from them) and its file name; the job stays as a tombstone with
 * its counts, status and times, and its results answer 410. Queued and running jobs, usage and audit
 * events are never touched.
 *
 * <p>Each run is one transaction that ends with ONE audit event {@code batch.retention} (counts, the
 * period and the cutoff; never a file name), also when nothing was old enough, so that auditors see
 * that retention ran. Portal instances sharing the database take turns through a transaction-scoped
 * advisory lock: a scheduled run that finds another one under way leaves the work to it.
 */
@ApplicationScoped
public class BatchRetention {

    /** The actor of scheduled runs: the portal itself, not a person or a department's system. */
    public static final String SYSTEM_ACTOR = "citymaas:batch-retention";

    static final String ACTION = "batch.retention";
    static final String RESOURCE = "batches/retention";

    /** pg_advisory_xact_lock key of retention runs ("CityRet1"; the audit chain's is "CityAud1"). */
    static final long LOCK = 0x4369747952657431L;

    /** The jobs a run purges: finished before the cutoff, not purged yet. */
    private static final String EXPIRED = "j.status IN :finished AND j.purgedAt IS NULL AND j.finishedAt < :cutoff";

    private static final List<BatchStatus> FINISHED = List.of(BatchStatus.DONE, BatchStatus.FAILED);

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    @Inject
    DatabaseLocks locks;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "citymaas.batch.retention", defaultValue = "P30D")
    String configuredPeriod;

    private final Clock clock = Clock.systemUTC();
    private RetentionPeriod period;

    @PostConstruct
    void readPeriod() {
        period = RetentionPeriod.parse(configuredPeriod);
    }

    /** The retention period, ISO-8601. */
    public String period() {
        return period.toString();
    }

    /**
     * Runs the retention now for a platform admin, audited as theirs; waits while another instance
     * runs it, then purges what is still left.
     */
    @Transactional
    public RetentionRun runNow(Caller admin, String clientAddress) {
        var event = AuditTrail.by(admin).clientAddress(clientAddress).outcome("OK", 200);
        return purge(event, true).orElseThrow();
    }

    /** The scheduled run, audited as {@link #SYSTEM_ACTOR}; empty when another instance is running it. */
    @Transactional
    public Optional<RetentionRun> runScheduled() {
        return purge(AuditEvent.builder().actor(SYSTEM_ACTOR, ActorType.SERVICE).outcome("OK", null), false);
    }

    /** The event of a scheduled run that failed (its transaction rolled back: nothing was deleted). */
    public AuditEvent.Builder failedScheduledRun(Exception cause) {
        return AuditEvent.builder()
                .actor(SYSTEM_ACTOR, ActorType.SERVICE)
                .action(ACTION)
                .resource(RESOURCE)
                .outcome("FAILED", null)
                // the exception's type only: a database message may quote the rows it was about
                .summary("older-than=" + period + " error=" + cause.getClass().getSimpleName());
    }

    private Optional<RetentionRun> purge(AuditEvent.Builder event, boolean wait) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var cutoff = period.cutoff(now);
        try {
            if (!locks.lockForTransaction(LOCK, wait)) {
                return Optional.empty();
            }
            // under the lock no other run purges; a job that finishes meanwhile finishes after the cutoff
            var jobsByDepartment = new LinkedHashMap<String, Integer>();
            em.createQuery(
                            "SELECT j.tenant, count(j) FROM BatchJobRecord j WHERE " + EXPIRED + " GROUP BY j.tenant",
                            Object[].class)
                    .setParameter("finished", FINISHED)
                    .setParameter("cutoff", cutoff)
                    .getResultList()
                    .forEach(row -> jobsByDepartment.put((String) row[0], ((Number) row[1]).intValue()));
            long lines = em.createQuery("DELETE FROM BatchRowRecord r WHERE r.jobId IN (SELECT j.id FROM"
                            + " BatchJobRecord j WHERE " + EXPIRED + ")")
                    .setParameter("finished", FINISHED)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            em.createQuery("UPDATE BatchJobRecord j SET j.purgedAt = :now, j.fileName = NULL WHERE " + EXPIRED)
                    .setParameter("now", now)
                    .setParameter("finished", FINISHED)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            var jobs = jobsByDepartment.values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            var run = new RetentionRun(period.toString(), cutoff, jobs, lines, jobsByDepartment);
            audit.append(event.occurredAt(clock.instant())
                    .action(ACTION)
                    .resource(RESOURCE)
                    .summary(run.summary())
                    .build());
            return Optional.of(run);
        } catch (PersistenceException e) {
            throw new LedgerException("could not apply the batch retention", e);
        }
    }
}
