package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.control.RetentionPeriod;
import org.citymaas.portal.batch.entity.RetentionRun;
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

    private static final String PURGE = """
            WITH expired AS (
                UPDATE batch_job SET purged_at = ?, file_name = NULL
                WHERE status IN ('DONE', 'FAILED') AND purged_at IS NULL AND finished_at < ?
                RETURNING id, tenant_id),
            gone AS (
                DELETE FROM batch_row r USING expired e WHERE r.job_id = e.id RETURNING r.job_id)
            SELECT e.tenant_id, count(DISTINCT e.id) AS jobs, count(g.job_id) AS lines
            FROM expired e LEFT JOIN gone g ON g.job_id = e.id
            GROUP BY e.tenant_id""";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

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
        try (var connection = dataSource.getConnection()) {
            if (!lock(connection, wait)) {
                return Optional.empty();
            }
            var jobsByDepartment = new LinkedHashMap<String, Integer>();
            long lines = 0;
            try (var purge = connection.prepareStatement(PURGE)) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.setTimestamp(2, Timestamp.from(cutoff));
                try (var rows = purge.executeQuery()) {
                    while (rows.next()) {
                        jobsByDepartment.put(rows.getString("tenant_id"), rows.getInt("jobs"));
                        lines += rows.getLong("lines");
                    }
                }
            }
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
        } catch (SQLException e) {
            throw new LedgerException("could not apply the batch retention", e);
        }
    }

    private static boolean lock(Connection connection, boolean wait) throws SQLException {
        var sql = wait ? "SELECT pg_advisory_xact_lock(?), true" : "SELECT pg_try_advisory_xact_lock(?)";
        try (var lock = connection.prepareStatement(sql)) {
            lock.setLong(1, LOCK);
            try (var rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(wait ? 2 : 1);
            }
        }
    }
}
