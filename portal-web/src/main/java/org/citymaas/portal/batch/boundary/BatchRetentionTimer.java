package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the batch retention every {@code citymaas.batch.retention-interval} (default {@code PT24H}), the
 * first time ten minutes after start (or one interval, when that is shorter), so that instances that
 * restart often still purge. A run that fails is audited {@code FAILED} and tried again next time.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class BatchRetentionTimer {

    private static final Logger LOG = Logger.getLogger(BatchRetentionTimer.class.getName());
    private static final Duration FIRST_RUN = Duration.ofMinutes(10);

    @Resource
    TimerService timers;

    @Inject
    BatchRetention retention;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "citymaas.batch.retention-interval", defaultValue = "PT24H")
    String interval;

    @PostConstruct
    void schedule() {
        var every = Duration.parse(interval);
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("citymaas.batch.retention-interval must be longer than zero: " + every);
        }
        // reading the period here makes a wrong citymaas.batch.retention fail the deployment, not a run
        LOG.info(() ->
                "batch data kept for " + retention.period() + " after a job finishes; retention runs every " + every);
        var first = every.compareTo(FIRST_RUN) < 0 ? every : FIRST_RUN;
        timers.createIntervalTimer(first.toMillis(), every.toMillis(), new TimerConfig("batch-retention", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        try {
            retention
                    .runScheduled()
                    .ifPresentOrElse(
                            run -> LOG.info(() -> "batch retention: " + run.summary()),
                            () -> LOG.info("batch retention: another instance is running it"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "batch retention failed; nothing was deleted, the next run tries again", e);
            try {
                audit.record(retention.failedScheduledRun(e).build());
            } catch (RuntimeException auditFailed) {
                LOG.log(Level.WARNING, "could not audit the failed batch retention", auditFailed);
            }
        }
    }
}
