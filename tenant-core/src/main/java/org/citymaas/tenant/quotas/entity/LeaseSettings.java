package org.citymaas.tenant.quotas.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * How an instance leases quota.
 *
 * @param block the most it leases at once (a block of {@code 0} requests turns leasing off: every
 *     reservation is then an exact one in the database)
 * @param ttl how long a lease lives without a heartbeat: a dead instance's unused quota comes back
 *     after at most this long
 * @param margin how long before the lease's expiry (as this instance counts time) it stops serving from
 *     it when no heartbeat renewed it, so that it never serves from a lease another instance may delete
 * @param idle a lease nothing was served from for this long is returned by the next heartbeat, so that
 *     an instance without traffic does not hold quota another instance needs
 */
public record LeaseSettings(LeaseBlock block, Duration ttl, Duration margin, Duration idle) {

    /** 1,000 requests and 100,000 rows at most per block, 30 s to live, 5 s margin, 20 s idle. */
    public static final LeaseSettings DEFAULT = new LeaseSettings(
            new LeaseBlock(1_000, 100_000), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(20));

    public LeaseSettings {
        Objects.requireNonNull(block, "block");
        if (margin.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("the margin must be shorter than the lease's time to live");
        }
        Objects.requireNonNull(idle, "idle");
    }

    public boolean enabled() {
        return block.requests() > 0;
    }

    /**
     * The settings of this JVM: {@code citymaas.quota.lease.requests}, {@code .rows}, {@code .ttl-seconds}
     * (system properties; the defaults otherwise).
     */
    public static LeaseSettings fromSystem() {
        var ttl = Duration.ofSeconds(Long.getLong("citymaas.quota.lease.ttl-seconds", DEFAULT.ttl.toSeconds()));
        return new LeaseSettings(
                new LeaseBlock(
                        Long.getLong("citymaas.quota.lease.requests", DEFAULT.block.requests()),
                        Long.getLong("citymaas.quota.lease.rows", DEFAULT.block.rows())),
                ttl,
                ttl.dividedBy(6),
                ttl.multipliedBy(2).dividedBy(3));
    }
}
