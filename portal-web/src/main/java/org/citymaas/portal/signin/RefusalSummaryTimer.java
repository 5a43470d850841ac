package org.citymaas.portal.signin;

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

/**
 * Every 15 seconds: closes the refused sign-ins' window if it has ended (its summary is recorded even
 * when no further refusal comes), and brings in Keycloak's failed sign-ins.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class RefusalSummaryTimer {

    private static final Logger LOG = Logger.getLogger(RefusalSummaryTimer.class.getName());
    private static final long EVERY_MILLIS = 15_000;

    @Resource
    TimerService timers;

    @Inject
    RefusedSignIns refusals;

    @Inject
    KeycloakFailures keycloakFailures;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("signin-refusals", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            keycloakFailures.importNew();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not import Keycloak's failed sign-ins; the next run tries again", e);
        }
        try {
            refusals.closeWindow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the refused sign-ins' summary; the next run tries again", e);
        }
    }
}
