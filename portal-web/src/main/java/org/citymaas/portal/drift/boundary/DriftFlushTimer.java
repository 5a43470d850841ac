package org.citymaas.portal.drift.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
 * Adds this instance's prediction counts to the database every {@code citymaas.drift.flush-interval}
 * (default 30 s) and once more when the portal stops. An EJB timer because nothing else in Jakarta EE 10
 * schedules work without a request; not persistent: a counter that was never written is lost with the
 * instance anyway.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class DriftFlushTimer {

    private static final Logger LOG = Logger.getLogger(DriftFlushTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    LiveUse live;

    @Inject
    @ConfigProperty(name = "citymaas.drift.flush-interval", defaultValue = "PT30S")
    String interval;

    @PostConstruct
    void schedule() {
        var every = Math.max(1_000, Duration.parse(interval).toMillis());
        timers.createIntervalTimer(every, every, new TimerConfig("drift-flush", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flush() {
        try {
            live.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the prediction counts; they are written with the next flush", e);
        }
    }

    @PreDestroy
    void lastFlush() {
        flush();
    }
}
