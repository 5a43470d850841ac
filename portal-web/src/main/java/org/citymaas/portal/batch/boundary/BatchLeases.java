package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.citymaas.portal.batch.control.BatchLeaseLostException;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.tenant.quotas.boundary.QuotaLeases;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The leases of the batch jobs this instance runs (V20: {@code batch_job.leased_by},
 * {@code lease_expires_at}): a queued or running job is run by the one instance that holds its lease,
 * named by the quota leases' instance id. An upload is leased in the transaction that stores it; the
 * sweep ({@link BatchRecovery}) takes the jobs nobody holds or whose lease expired with
 * {@code FOR UPDATE SKIP LOCKED}; the heartbeat renews them for {@code citymaas.batch.lease.ttl-seconds}
 * (30) by the database's clock; a job that ends or pauses is let go at once. Each chunk's results commit
 * only after {@link #fence} found the lease still this instance's, under the job row's lock, so lines
 * another instance took over are never kept, charged or audited twice. This instance runs a job only
 * until {@code ttl - max(1 s, ttl / 6)} after the heartbeat that last renewed it began.
 */
@ApplicationScoped
public class BatchLeases {

    private static final String ACTIVE = "status IN ('QUEUED', 'RUNNING')";
    private static final String EXPIRES = "now() + make_interval(secs => ?2)";

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    @Inject
    QuotaLeases instance;

    @Inject
    @ConfigProperty(name = "citymaas.batch.lease.ttl-seconds", defaultValue = "30")
    int ttlSeconds;

    // job -> System.nanoTime() when the statement that last took or renewed its lease began
    private final Map<UUID, Long> renewed = new ConcurrentHashMap<>();

    /** The instance id the leases are held under. */
    public String instance() {
        return instance.instance();
    }

    /** How long a lease lives after its last renewal. */
    public Duration ttl() {
        return Duration.ofSeconds(Math.max(1, ttlSeconds));
    }

    /** How often the heartbeat and the sweep run: a third of the time to live, at least every second. */
    public Duration heartbeat() {
        return Duration.ofMillis(Math.max(1_000, ttl().toMillis() / 3));
    }

    /** In the caller's transaction (the one storing the upload): the new job is this instance's. */
    @Transactional(TxType.MANDATORY)
    public void holdNew(UUID job) {
        var began = System.nanoTime();
        var taken = em.createNativeQuery(
                        "UPDATE batch_job SET leased_by = ?1, lease_expires_at = " + EXPIRES + " WHERE id = ?3")
                .setParameter(1, instance())
                .setParameter(2, ttlSeconds())
                .setParameter(3, job)
                .executeUpdate();
        if (taken == 1) {
            renewed.put(job, began);
        }
    }

    /** Takes the job if it is queued or running and nobody holds it, its lease expired, or it is this instance's. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean take(UUID job) {
        var began = System.nanoTime();
        var taken = em.createNativeQuery("UPDATE batch_job SET leased_by = ?1, lease_expires_at = " + EXPIRES
                        + " WHERE id = ?3 AND " + ACTIVE
                        + " AND (leased_by IS NULL OR leased_by = ?1 OR lease_expires_at < now())")
                .setParameter(1, instance())
                .setParameter(2, ttlSeconds())
                .setParameter(3, job)
                .executeUpdate();
        if (taken == 1) {
            renewed.put(job, began);
        }
        return taken == 1;
    }

    /**
     * The sweep: takes up to {@code max} queued or running jobs that nobody holds or whose lease expired, oldest
     * first, skipping those another transaction has locked (being taken, or a chunk of theirs committing) and
     * those of suspended departments (they wait for the reactivation).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<UUID> claim(int max) {
        var began = System.nanoTime();
        List<?> taken = em.createNativeQuery("UPDATE batch_job SET leased_by = ?1, lease_expires_at = " + EXPIRES
                        + " WHERE id IN (SELECT j.id FROM batch_job j WHERE j." + ACTIVE
                        + " AND (j.leased_by IS NULL OR j.lease_expires_at < now()) AND NOT EXISTS (SELECT 1 FROM"
                        + " department d WHERE d.slug = j.tenant_id AND d.status = 'SUSPENDED')"
                        + " ORDER BY j.created_at LIMIT ?3 FOR UPDATE OF j SKIP LOCKED) RETURNING id")
                .setParameter(1, instance())
                .setParameter(2, ttlSeconds())
                .setParameter(3, max)
                .getResultList();
        var jobs = taken.stream().map(id -> (UUID) id).toList();
        jobs.forEach(job -> renewed.put(job, began));
        return jobs;
    }

    /**
     * The heartbeat: renews the leases of the jobs this instance runs (those it took and has not let go), in one
     * statement; a job it no longer holds stops at its next chunk. A job it let go, even where letting go failed in
     * the database, is not renewed: its lease expires and another instance takes it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void renew() {
        var began = System.nanoTime();
        var mine = List.copyOf(renewed.keySet());
        if (mine.isEmpty()) {
            return;
        }
        List<?> held = em.createNativeQuery("UPDATE batch_job SET lease_expires_at = " + EXPIRES
                        + " WHERE leased_by = ?1 AND id = ANY (CAST(string_to_array(?3, ',') AS uuid[])) RETURNING id")
                .setParameter(1, instance())
                .setParameter(2, ttlSeconds())
                .setParameter(
                        3, String.join(",", mine.stream().map(UUID::toString).toList()))
                .getResultList();
        var still = new HashSet<UUID>();
        held.forEach(id -> still.add((UUID) id));
        still.forEach(job -> renewed.computeIfPresent(job, (k, at) -> began));
        // a job taken while this renewal ran is kept: only those held before it and not renewed are gone
        renewed.entrySet().removeIf(e -> !still.contains(e.getKey()) && e.getValue() - began < 0);
    }

    private double ttlSeconds() {
        return ttl().toMillis() / 1000.0;
    }

    /** Whether this instance may still run the job: its lease was renewed recently enough (no database). */
    public boolean holds(UUID job) {
        var at = renewed.get(job);
        var margin = Math.max(1_000, ttl().toMillis() / 6);
        return at != null && System.nanoTime() - at < (ttl().toMillis() - margin) * 1_000_000L;
    }

    /**
     * The fence, in the caller's transaction: locks the job's row if this instance holds its lease, so that
     * nobody takes it over before the transaction ends.
     *
     * @throws BatchLeaseLostException another instance holds it, or nobody
     */
    @Transactional(TxType.MANDATORY)
    public void fence(UUID job) {
        var held = em.createNativeQuery("SELECT 1 FROM batch_job WHERE id = ?1 AND leased_by = ?2 FOR NO KEY UPDATE")
                .setParameter(1, job)
                .setParameter(2, instance())
                .getResultList();
        if (held.isEmpty()) {
            renewed.remove(job);
            throw new BatchLeaseLostException(job);
        }
    }

    /** Ends the job (done or failed) and lets it go, if this instance holds it; whether it did. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean end(UUID job, BatchStatus status, Instant now) {
        var ended = em.createNativeQuery("UPDATE batch_job SET status = ?1, finished_at = ?2, leased_by = NULL,"
                        + " lease_expires_at = NULL WHERE id = ?3 AND leased_by = ?4")
                .setParameter(1, status.name())
                .setParameter(2, now)
                .setParameter(3, job)
                .setParameter(4, instance())
                .executeUpdate();
        renewed.remove(job);
        return ended == 1;
    }

    /** Lets the job go (it paused, or this instance stops): any instance's sweep may take it at once. */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(UUID job) {
        renewed.remove(job);
        em.createNativeQuery("UPDATE batch_job SET leased_by = NULL, lease_expires_at = NULL WHERE id = ?1"
                        + " AND leased_by = ?2")
                .setParameter(1, job)
                .setParameter(2, instance())
                .executeUpdate();
    }

    /** The portal stops: its jobs are let go, so another instance resumes them at its next sweep, not after the TTL. */
    @Transactional(TxType.REQUIRES_NEW)
    public void releaseAll() {
        renewed.clear();
        em.createNativeQuery("UPDATE batch_job SET leased_by = NULL, lease_expires_at = NULL WHERE leased_by = ?1")
                .setParameter(1, instance())
                .executeUpdate();
    }
}
