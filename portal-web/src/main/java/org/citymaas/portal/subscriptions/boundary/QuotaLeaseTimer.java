package org.citymaas.portal.subscriptions.boundary;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.tenant.quotas.boundary.QuotaLeases;

/**
 * The heartbeat of this instance's quota leases (tenant-core's README, "Quota leases"): every third of
 * the leases' time to live it renews them, returns idle ones and deletes any instance's expired ones.
 * An EJB timer because nothing else in Jakarta EE 10 schedules work without a request.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class QuotaLeaseTimer {

    private static final Logger LOG = Logger.getLogger(QuotaLeaseTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    QuotaLeases leases;

    @PostConstruct
    void schedule() {
        var every = Math.max(1_000, leases.settings().ttl().toMillis() / 3);
        timers.createIntervalTimer(every, every, new TimerConfig("quota-lease-heartbeat", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        try {
            leases.heartbeat();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not renew the quota leases; they are served from until they expire", e);
        }
    }
}
