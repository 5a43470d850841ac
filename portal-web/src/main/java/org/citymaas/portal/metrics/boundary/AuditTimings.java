package org.citymaas.portal.metrics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/** Times the portal's appends to the audit log (security's {@code AuditLog}, called by {@code AuditTrail}). */
@ApplicationScoped
public class AuditTimings {

    static final String APPEND = "citymaas.audit.append";

    private Timer append;

    @Inject
    MetricRegistry registry;

    @PostConstruct
    void register() {
        append = registry.timer(Metadata.builder()
                .withName(APPEND)
                .withDescription("Time to append one event to the audit log (within its transaction, before commit)")
                .withUnit(MetricUnits.NANOSECONDS)
                .build());
    }

    /** Records one append that took {@code nanos}. */
    public void appended(long nanos) {
        append.update(Duration.ofNanos(nanos));
    }
}
