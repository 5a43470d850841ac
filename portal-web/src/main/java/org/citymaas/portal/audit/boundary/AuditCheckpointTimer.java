package org.citymaas.portal.audit.boundary;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the audit chain's head every {@code citymaas.audit.checkpoint-interval} (default 5 minutes).
 * An EJB timer because nothing else in Jakarta EE 10 schedules work without a request. With several
 * instances each has its timer, at its own phase: a timer that finds a checkpoint signed within the last
 * half interval (by another instance) leaves this period to it, so that the chain is signed about once
 * per period however many instances run; several instances signing at the same moment keep one checkpoint.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class AuditCheckpointTimer {

    private static final Logger LOG = Logger.getLogger(AuditCheckpointTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AuditTrail trail;

    @Inject
    @ConfigProperty(name = "citymaas.audit.checkpoint-interval", defaultValue = "PT5M")
    String interval;

    @PostConstruct
    void schedule() {
        try {
            var published = trail.checkpoints().publishMissing();
            if (published > 0) {
                LOG.info(() -> "published " + published + " audit checkpoints that were not yet outside the database");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not publish the audit checkpoints outside the database", e);
        }
        var every = Duration.parse(interval).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("audit-checkpoints", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sign() {
        try {
            var every = Duration.parse(interval);
            var newest = trail.checkpoints().newest(Long.MAX_VALUE, 1);
            if (!due(newest.isEmpty() ? null : newest.get(0).signedAt(), Instant.now(), every)) {
                return;
            }
            trail.checkpoints().sign();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not sign an audit checkpoint; the next run tries again", e);
        }
    }

    /** A checkpoint is due unless one was signed within the last half interval (by this or another instance). */
    static boolean due(Instant lastSigned, Instant now, Duration every) {
        return lastSigned == null || !lastSigned.isAfter(now.minus(every.dividedBy(2)));
    }
}
