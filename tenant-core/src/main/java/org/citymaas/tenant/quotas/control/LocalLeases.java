package org.citymaas.tenant.quotas.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.LeaseKey;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * One instance's books of the quota it leased: per lease what the lease row holds (as far as this
 * instance knows: never more than the row, since it only learns of a grant after its commit and writes
 * a settlement off before it commits) and the reservations served from it and not yet settled or
 * released. A reservation is served only while the lease is valid by this instance's clock (its
 * expiry less a margin). The database stays the authority: a settlement whose lease row is gone or
 * short is checked against the limit again, so these books can only make the instance more careful.
 * Times are {@link System#nanoTime} values.
 */
public final class LocalLeases {

    private final String holder;
    private final Map<LeaseKey, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();

    public LocalLeases(String holder) {
        this.holder = holder;
    }

    /** Serves one request of {@code rows} rows from the key's lease, or null when it cannot. */
    public Reservation take(LeaseKey key, long rows, long nanos) {
        var lease = leases.get(key);
        if (lease == null) {
            return null;
        }
        synchronized (lease) {
            if (lease.dropped
                    || nanos - lease.validUntil >= 0
                    || lease.heldRequests - lease.inFlight.size() < 1
                    || lease.heldRows - lease.inFlightRows < rows) {
                return null;
            }
            var ticket = tickets.incrementAndGet();
            lease.inFlight.put(ticket, rows);
            lease.inFlightRows += rows;
            lease.lastUsed = nanos;
            return new Reservation(key.tenant(), key.model(), key.period(), rows, holder, ticket);
        }
    }

    /** Adds a block committed to the key's lease row at {@code nanos}, valid until {@code validUntil}. */
    public void granted(LeaseKey key, LeaseBlock block, long nanos, long validUntil) {
        var lease = leases.computeIfAbsent(key, k -> new Lease(nanos));
        synchronized (lease) {
            if (lease.dropped) {
                leases.remove(key, lease);
                granted(key, block, nanos, validUntil);
                return;
            }
            lease.heldRequests += block.requests();
            lease.heldRows += block.rows();
            lease.validUntil = validUntil;
            lease.lastGranted = nanos;
        }
    }

    /** The reservation is being settled: it leaves the lease (once, however often this is called). */
    public void settled(Reservation reservation) {
        finish(reservation, true);
    }

    /** The reservation is given back to the lease to serve again (once). */
    public void released(Reservation reservation) {
        finish(reservation, false);
    }

    private void finish(Reservation reservation, boolean settled) {
        var lease = leases.get(LeaseKey.of(reservation));
        if (lease == null) {
            return;
        }
        synchronized (lease) {
            var rows = lease.inFlight.remove(reservation.ticket());
            if (rows == null) {
                return;
            }
            lease.inFlightRows -= rows;
            if (settled) {
                lease.heldRequests -= 1;
                lease.heldRows -= rows;
            }
        }
    }

    /** The keys this instance keeps books of. */
    public Set<LeaseKey> keys() {
        return Set.copyOf(leases.keySet());
    }

    /**
     * A heartbeat that started at {@code since} renewed the {@code alive} leases until {@code validUntil};
     * the others are gone (deleted as expired, or by a limit change) and are dropped here, unless a block
     * was granted to them after the heartbeat started.
     */
    public void renewed(Set<LeaseKey> alive, long since, long validUntil) {
        for (var entry : leases.entrySet()) {
            var lease = entry.getValue();
            synchronized (lease) {
                if (alive.contains(entry.getKey())) {
                    lease.validUntil = Math.max(lease.validUntil, validUntil);
                } else if (lease.lastGranted - since < 0) {
                    lease.dropped = true;
                    leases.remove(entry.getKey(), lease);
                }
            }
        }
    }

    /**
     * Drops the key's lease when it is no longer valid by this instance's clock (no heartbeat renewed
     * it): its row may be deleted by now, so a new block starts new books rather than add to stale ones.
     *
     * @return whether it was dropped
     */
    public boolean dropExpired(LeaseKey key, long nanos) {
        var lease = leases.get(key);
        if (lease != null) {
            synchronized (lease) {
                if (nanos - lease.validUntil >= 0) {
                    lease.dropped = true;
                    leases.remove(key, lease);
                    return true;
                }
            }
        }
        return false;
    }

    /** Stops serving from the key's lease (its row is returned or deleted). */
    public void drop(LeaseKey key) {
        var lease = leases.remove(key);
        if (lease != null) {
            synchronized (lease) {
                lease.dropped = true;
            }
        }
    }

    /** Drops every lease of the department's model, whatever the month. */
    public void dropAll(LeaseKey anyMonth) {
        leases.keySet().stream()
                .filter(k -> k.tenant().equals(anyMonth.tenant()) && k.model().equals(anyMonth.model()))
                .toList()
                .forEach(this::drop);
    }

    /** Drops the leases nothing was served from since {@code since} and nothing is in flight of; their keys. */
    public List<LeaseKey> dropIdle(long since) {
        var idle = new ArrayList<LeaseKey>();
        for (var entry : leases.entrySet()) {
            var lease = entry.getValue();
            synchronized (lease) {
                if (lease.inFlight.isEmpty() && lease.lastUsed - since < 0) {
                    lease.dropped = true;
                    leases.remove(entry.getKey(), lease);
                    idle.add(entry.getKey());
                }
            }
        }
        return idle;
    }

    /** Drops every lease; their keys. */
    public List<LeaseKey> dropAll() {
        var all = List.copyOf(leases.keySet());
        all.forEach(this::drop);
        return all;
    }

    /** What the key's lease can still serve (none when there is no valid lease). */
    public LeaseBlock available(LeaseKey key) {
        var lease = leases.get(key);
        if (lease == null) {
            return LeaseBlock.NONE;
        }
        synchronized (lease) {
            return new LeaseBlock(lease.heldRequests - lease.inFlight.size(), lease.heldRows - lease.inFlightRows);
        }
    }

    private static final class Lease {
        long heldRequests;
        long heldRows;
        final Map<Long, Long> inFlight = new HashMap<>();
        long inFlightRows;
        long validUntil;
        long lastUsed;
        long lastGranted;
        boolean dropped;

        Lease(long nanos) {
            this.validUntil = nanos;
            this.lastUsed = nanos;
            this.lastGranted = nanos;
        }
    }
}
