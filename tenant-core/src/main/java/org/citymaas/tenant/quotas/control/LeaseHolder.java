package org.citymaas.tenant.quotas.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.LeaseKey;
import org.citymaas.tenant.quotas.entity.LeaseSettings;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;
import org.citymaas.tenant.quotas.entity.QuotaSettlement;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * One portal instance's side of the quota: serves reservations from its leases in memory, leases a new
 * block (in a transaction of its own) when one runs out, reserves exactly near the limit, settles in
 * the caller's transaction (moving the settled amount from its lease to "used"), and keeps its leases
 * alive, returns idle ones and reaps expired ones on each heartbeat. See tenant-core's README, "Quota
 * leases", for why no limit is ever passed.
 */
public final class LeaseHolder {

    private static final Logger LOG = Logger.getLogger(LeaseHolder.class.getName());
    /** How long reservations of a key go exact without trying to lease after leasing it failed: 1 s. */
    private static final long NEAR_LIMIT_PAUSE = 1_000_000_000L;

    /** Work on a connection in a transaction of its own, committed when it returns. */
    @FunctionalInterface
    public interface Transactions {
        <T> T inNew(SqlWork<T> work);
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final String id;
    private final LeaseSettings settings;
    private final Transactions transactions;
    private final LocalLeases books;
    private final LeaseLedger leases = new LeaseLedger();
    private final QuotaLedger quotas = new QuotaLedger();
    private final ExactReservations exact = new ExactReservations();
    private final Map<LeaseKey, Object> acquiring = new ConcurrentHashMap<>();
    // keys that had too little left to lease, until when (nanoTime): no lease is tried for them meanwhile
    private final Map<LeaseKey, Long> nearLimit = new ConcurrentHashMap<>();

    public LeaseHolder(String id, LeaseSettings settings, Transactions transactions) {
        this.id = id;
        this.settings = settings;
        this.transactions = transactions;
        this.books = new LocalLeases(id);
    }

    public String id() {
        return id;
    }

    /**
     * Takes one request and {@code rows} rows: from this instance's lease when it can, else exactly on
     * the caller's connection (and transaction).
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException a limit would be passed; nothing was taken
     */
    public Reservation reserve(Connection connection, TenantId tenant, String model, long rows, Instant now)
            throws SQLException {
        var leased = fromLease(tenant, model, rows, now);
        return leased != null ? leased : reserveExactly(connection, tenant, model, rows, now);
    }

    /**
     * Serves one request of {@code rows} rows from this instance's lease, leasing a block first (in a
     * transaction of its own) when it has none left.
     *
     * @return the reservation, or null when it must be reserved exactly (near the limit, no block could
     *     hold it, leasing is off or failed)
     */
    public Reservation fromLease(TenantId tenant, String model, long rows, Instant now) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows cannot be negative");
        }
        return settings.enabled() ? fromLease(new LeaseKey(tenant, model, QuotaPeriod.containing(now)), rows) : null;
    }

    /**
     * Reserves exactly on the caller's connection: {@code used + leased + 1 <= limit}, recorded as this
     * instance's open exact reservation ({@link ExactReservations}), which expires unless the heartbeat
     * renews it. When refused, the key's expired exact reservations and leases (a dead instance's) are
     * deleted, on the same connection and in the same transaction, and it is tried once more.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException a limit would be passed; nothing was taken
     */
    public Reservation reserveExactly(Connection connection, TenantId tenant, String model, long rows, Instant now)
            throws SQLException {
        return reserveEachExactly(connection, tenant, model, List.of(rows), now).get(0);
    }

    /**
     * Reserves several requests exactly, all or nothing ({@link QuotaLedger#reserveEach}), each recorded
     * as this instance's open exact reservation, as {@link #reserveExactly}.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException the limits do not hold them all; nothing taken
     */
    public List<Reservation> reserveEachExactly(
            Connection connection, TenantId tenant, String model, List<Long> rows, Instant now) throws SQLException {
        List<Reservation> reserved;
        try {
            reserved = quotas.reserveEach(connection, tenant, model, rows, now);
        } catch (org.citymaas.tenant.errors.QuotaExceededException e) {
            var key = new LeaseKey(tenant, model, QuotaPeriod.containing(now));
            // on the caller's connection, in its transaction: a second connection taken here while this one is
            // held would exhaust the pool when many requests are refused at once (each holding one, waiting for one)
            var freed = exact.reapExpired(connection, key).requests();
            if (settings.enabled()) {
                freed += leases.reapExpired(connection, key).requests();
            }
            if (freed == 0) {
                throw e;
            }
            reserved = quotas.reserveEach(connection, tenant, model, rows, now);
        }
        return exact.track(connection, reserved, id, settings.ttl());
    }

    private Reservation fromLease(LeaseKey key, long rows) {
        var now = System.nanoTime();
        var served = books.take(key, rows, now);
        if (served != null) {
            return served;
        }
        var until = nearLimit.get(key);
        if (rows > settings.block().rows() || (until != null && now - until < 0)) {
            return null; // no block could hold it, or the key is near its limit: reserve exactly
        }
        synchronized (acquiring.computeIfAbsent(key, k -> new Object())) {
            for (int attempt = 0; attempt < 3; attempt++) {
                served = books.take(key, rows, System.nanoTime());
                if (served != null) {
                    return served;
                }
                var start = System.nanoTime();
                if (books.dropExpired(key, start)) {
                    giveBack(key); // what is left of it (if it is still there) must not be held unbooked
                }
                var block = acquire(key, rows);
                if (block == null || !block.covers(rows)) {
                    nearLimit.put(key, start + NEAR_LIMIT_PAUSE);
                    return null;
                }
                nearLimit.remove(key);
                books.granted(key, block, start, start + validFor());
            }
            return null;
        }
    }

    private org.citymaas.tenant.quotas.entity.LeaseBlock acquire(LeaseKey key, long rows) {
        try {
            return transactions.inNew(c -> {
                leases.boundLockWaits(c);
                return leases.acquire(c, key, id, rows, settings.block(), settings.ttl());
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not lease quota; reserving exactly", e);
            return null;
        }
    }

    private void giveBack(LeaseKey key) {
        try {
            transactions.inNew(c -> {
                leases.boundLockWaits(c);
                return leases.giveBack(c, key, id);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not return a quota lease; it comes back when it expires", e);
        }
    }

    private long validFor() {
        return settings.ttl().minus(settings.margin()).toNanos();
    }

    /** Settles the reservations in the caller's transaction, the leased ones of each lease together (three statements). */
    public void settle(Connection connection, List<QuotaSettlement> settlements) throws SQLException {
        // the exact reservations' rows first, before any usage row is locked (the reaper's order)
        var open = exact.close(
                connection,
                settlements.stream().map(QuotaSettlement::reservation).toList());
        var byLease = new LinkedHashMap<String, List<QuotaSettlement>>();
        for (var settlement : settlements) {
            var reservation = settlement.reservation();
            if (reservation.leased()) {
                books.settled(reservation);
                byLease.computeIfAbsent(LeaseKey.of(reservation) + "|" + reservation.holder(), k -> new ArrayList<>())
                        .add(settlement);
            } else if (reservation.ticket() == 0 || open.contains(reservation.ticket())) {
                quotas.settle(connection, reservation, settlement.rows());
            } else {
                // reaped (this instance stalled past the time to live): given back already, so check it again
                recheck(connection, settlement);
            }
        }
        // a fixed order of usage rows, so that two instances' groups never lock them crosswise
        for (var lease : byLease.keySet().stream().sorted().toList()) {
            var items = byLease.get(lease);
            var first = items.get(0).reservation();
            var reserved = items.stream().mapToLong(s -> s.reservation().rows()).sum();
            var used = items.stream().mapToLong(QuotaSettlement::rows).sum();
            if (!leases.useLeased(connection, LeaseKey.of(first), first.holder(), items.size(), reserved, used)) {
                // the lease is gone or short (expired, or a limit change dropped it): check each again
                for (var item : items) {
                    recheck(connection, item);
                }
            }
        }
    }

    /**
     * Charges a settlement whose hold on the quota is gone (lease lost, exact reservation reaped) if the
     * limit still takes it, under the usage row's lock.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException it does not: not charged
     */
    private void recheck(Connection connection, QuotaSettlement settlement) throws SQLException {
        var r = settlement.reservation();
        quotas.reserve(
                connection, r.tenant(), r.model(), settlement.rows(), r.period().startsAt());
    }

    /**
     * Gives a reservation back: to the lease it came from (in memory), or to the usage row (not when its
     * exact reservation was reaped: given back then).
     */
    public void release(Connection connection, Reservation reservation) throws SQLException {
        if (reservation.leased()) {
            books.released(reservation);
        } else if (reservation.ticket() == 0
                || !exact.close(connection, List.of(reservation)).isEmpty()) {
            quotas.release(connection, reservation);
        } // else reaped: its amount was given back already
    }

    /** Drops every lease of the department's model, here and in the database (the caller's transaction). */
    public void dropLeases(Connection connection, TenantId tenant, String model) throws SQLException {
        nearLimit.keySet().removeIf(k -> k.tenant().equals(tenant) && k.model().equals(model));
        books.dropAll(new LeaseKey(tenant, model, QuotaPeriod.containing(Instant.now())));
        leases.dropAll(connection, tenant, model);
    }

    /** Renews the leases, returns the idle ones and reaps every instance's expired ones. */
    public void heartbeat() {
        var start = System.nanoTime();
        var alive = transactions.inNew(c -> {
            exact.renew(c, id, settings.ttl());
            return leases.renew(c, id, books.keys(), settings.ttl());
        });
        books.renewed(alive, start, start + validFor());
        for (var key : books.dropIdle(start - settings.idle().toNanos())) {
            transactions.inNew(c -> leases.giveBack(c, key, id));
        }
        transactions.inNew(exact::reapExpired);
        transactions.inNew(leases::reapExpired);
    }

    /** Returns every lease (the instance stops); reservations still in flight are settled exactly. */
    public void returnAll() {
        for (var key : books.dropAll()) {
            transactions.inNew(c -> leases.giveBack(c, key, id));
        }
    }
}
