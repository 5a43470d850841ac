package org.citymaas.portal.suspension.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.DepartmentStatus;
import org.citymaas.tenant.departments.entity.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a department is suspended, read from the database at most once per {@code citymaas.suspension.status-ttl}
 * (default {@code PT2S}) per department and instance: a suspension reaches every instance, and so every request with
 * a still-valid token, within that time.
 */
@ApplicationScoped
public class SuspendedDepartments {

    @Inject
    Departments departments;

    @Inject
    @ConfigProperty(name = "citymaas.suspension.status-ttl", defaultValue = "PT2S")
    String ttlText;

    private final Map<TenantId, Reading> readings = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    private record Reading(boolean suspended, Instant readAt) {}

    /** Whether the department is suspended now (as of at most the TTL ago). */
    public boolean isSuspended(TenantId tenant) {
        var now = clock.instant();
        var reading = readings.get(tenant);
        if (reading == null || reading.readAt().plus(Duration.parse(ttlText)).isBefore(now)) {
            var suspended = departments
                    .find(tenant)
                    .map(d -> d.status() == DepartmentStatus.SUSPENDED)
                    .orElse(false);
            reading = new Reading(suspended, now);
            readings.put(tenant, reading);
        }
        return reading.suspended();
    }

    /** Forgets what this instance read of the department, after it changed it. */
    void forget(TenantId tenant) {
        readings.remove(tenant);
    }
}
