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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the audit chain's head every {@code citymaas.audit.checkpoint-interval} (default 5 minutes).
 * An EJB timer because nothing else in Jakarta EE 10 schedules work without a request; several
 * instances signing at once keep one checkpoint.
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
            trail.checkpoints().sign();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not sign an audit checkpoint; the next run tries again", e);
        }
    }
}
