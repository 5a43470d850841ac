package org.citymaas.portal.signin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refused sign-ins (bad, expired or foreign tokens, API calls without one, failed sign-ins at
 * Keycloak) in the audit log, counted and sampled: per window ({@code citymaas.audit.refusals.window},
 * default one minute) the first {@code citymaas.audit.refusals.samples} (default 10) are recorded one
 * by one, the rest are counted into one {@code signin.refusals} event when the window ends. An attack
 * cannot flood the chain, and an auditor still sees every refusal in a count. Never the token.
 */
@ApplicationScoped
public class RefusedSignIns {

    private static final Logger LOG = Logger.getLogger(RefusedSignIns.class.getName());

    /** The actor of the windows' summaries. */
    public static final String SYSTEM_ACTOR = "citymaas:signin-watch";

    /** The action of a window's summary. */
    public static final String SUMMARY_ACTION = "signin.refusals";

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "citymaas.audit.refusals.samples", defaultValue = "10")
    int samples;

    @Inject
    @ConfigProperty(name = "citymaas.audit.refusals.window", defaultValue = "PT1M")
    String windowLength;

    private RefusalWindow window;

    /** Summaries of ended windows not yet in the audit log: kept until recorded, never dropped. */
    private final Queue<RefusalWindow.Summary> pending = new ConcurrentLinkedQueue<>();

    @PostConstruct
    void open() {
        window = new RefusalWindow(samples, Duration.parse(windowLength), Instant.now());
    }

    /**
     * One refusal: recorded as the {@code event} if it is among the window's first, otherwise counted.
     *
     * @param reason a short printable reason, the key of the window's counts
     * @param clientAddress the address it came from, or null
     * @param event the event to record, built only when it is recorded
     */
    public void refused(String reason, String clientAddress, Supplier<AuditEvent> event) {
        var decision = window.refuse(reason, clientAddress, Instant.now());
        if (decision.closed().isPresent()) {
            pending.add(decision.closed().get());
            try {
                recordPending();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record a refused sign-ins' summary; the timer tries again", e);
            }
        }
        if (decision.sample()) {
            audit.record(event.get());
        }
    }

    /** Records the summary of a window that has ended, if it counted more than it recorded. */
    public void closeWindow() {
        window.close(Instant.now()).ifPresent(pending::add);
        recordPending();
    }

    private synchronized void recordPending() {
        for (var summary = pending.peek(); summary != null; summary = pending.peek()) {
            record(summary);
            pending.remove(summary);
        }
    }

    private void record(RefusalWindow.Summary summary) {
        audit.record(AuditEvent.builder()
                .actor(SYSTEM_ACTOR, ActorType.SERVICE)
                .action(SUMMARY_ACTION)
                .resource("signin")
                .outcome("DENIED", null)
                .summary(summary.describe())
                .build());
    }
}
