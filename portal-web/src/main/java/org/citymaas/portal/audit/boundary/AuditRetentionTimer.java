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
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.security.audit.boundary.AuditRetention;

/**
 * Once a day (the first run an hour after start): removes the audit chain's expired prefix, archived
 * first as a verified, signed bundle; the removal is itself an audit event (security's {@code
 * AuditRetention}). Outside a transaction: the run holds its own. Two instances at once: the second
 * finds the chain moved and removes nothing, which it logs.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class AuditRetentionTimer {

    private static final Logger LOG = Logger.getLogger(AuditRetentionTimer.class.getName());
    private static final Duration FIRST = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofDays(1);

    @Resource
    TimerService timers;

    @Inject
    AuditRetention retention;

    @Inject
    @Named("auditArchiveDirectory")
    Path archive;

    @PostConstruct
    void schedule() {
        LOG.info(() -> "audit retention: " + retention.policy() + ", archives in " + archive);
        timers.createIntervalTimer(FIRST.toMillis(), EVERY.toMillis(), new TimerConfig("audit-retention", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            var run = retention.run(Instant.now(), archive);
            LOG.info(() -> "audit retention: " + run.note());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit retention did not run; nothing was removed, the next run tries again", e);
        }
    }
}
