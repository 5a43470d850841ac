package org.citymaas.tenant.quotas.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.LeaseKey;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * Quota leases in PostgreSQL. The usage row keeps the sum of its leases ({@code requests_leased},
 * {@code rows_leased}), and every change of a lease's amount locks that row first and changes both in
 * one transaction, so {@code used + leased <= limit} is checked and kept on one locked row, also by the
 * exact reservations ({@link QuotaLedger}). Locking the usage row before any lease row of it keeps
 * concurrent writers from deadlocking. Works on the caller's connection and transaction.
 */
public final class LeaseLedger {

    private static final String KEY = " tenant_id = ? AND model = ? AND period = ?";
    private static final String OPEN_PERIOD =
            "INSERT INTO quota_usage (tenant_id, model, period) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String LOCK_USAGE =
            "SELECT requests_used, rows_used, requests_leased, rows_leased FROM quota_usage WHERE" + KEY
                    + " FOR UPDATE";
    private static final String GROW_LEASE = "INSERT INTO quota_lease AS l (tenant_id, model, period, instance_id,"
            + " requests, rows, expires_at) VALUES (?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))"
            + " ON CONFLICT (tenant_id, model, period, instance_id) DO UPDATE SET"
            + " requests = l.requests + excluded.requests, rows = l.rows + excluded.rows,"
            + " expires_at = excluded.expires_at";
    private static final String LEASED = "UPDATE quota_usage SET requests_leased = requests_leased + ?,"
            + " rows_leased = rows_leased + ? WHERE" + KEY;
    private static final String SHRINK_LEASE = "UPDATE quota_lease SET requests = requests - ?, rows = rows - ?"
            + " WHERE" + KEY + " AND instance_id = ? AND requests >= ? AND rows >= ?";
    private static final String USE_LEASED = "UPDATE quota_usage SET requests_used = requests_used + ?,"
            + " rows_used = rows_used + ?, requests_leased = requests_leased - ?, rows_leased = rows_leased - ?"
            + " WHERE" + KEY;
    private static final String RENEW = "UPDATE quota_lease SET expires_at = now() + make_interval(secs => ?)"
            + " WHERE" + KEY + " AND instance_id = ?";
    private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2s'";
    private static final String DELETE_OWN =
            "DELETE FROM quota_lease WHERE" + KEY + " AND instance_id = ?" + " RETURNING requests, rows";
    private static final String DELETE_EXPIRED =
            "DELETE FROM quota_lease WHERE" + KEY + " AND expires_at < now()" + " RETURNING requests, rows";
    private static final String DELETE_ALL = "DELETE FROM quota_lease WHERE" + KEY + " RETURNING requests, rows";
    private static final String ANY_EXPIRED =
            "SELECT 1 FROM quota_lease WHERE" + KEY + " AND expires_at < now() LIMIT 1";
    private static final String EXPIRED_KEYS =
            "SELECT DISTINCT tenant_id, model, period FROM quota_lease WHERE expires_at < now()";
    private static final String KEYS_OF_MODEL =
            "SELECT DISTINCT tenant_id, model, period FROM quota_lease WHERE tenant_id = ? AND model = ?";

    private final QuotaLedger quotas = new QuotaLedger();

    /**
     * Leases a block for the holder (added to its lease of the key, whose expiry starts again), sized by
     * {@link LeaseSizing} for a request of {@code rows} rows.
     *
     * @return the block leased, or {@link LeaseBlock#NONE} (nothing changed) when near the limit
     */
    public LeaseBlock acquire(
            Connection connection, LeaseKey key, String holder, long rows, LeaseBlock configured, Duration ttl)
            throws SQLException {
        try (var open = connection.prepareStatement(OPEN_PERIOD)) {
            bind(open, key, 1);
            open.executeUpdate();
        }
        var usage = lock(connection, key);
        var limit = quotas.limit(connection, key.tenant(), key.model());
        var block = LeaseSizing.block(limit, usage.get(0), usage.get(1), configured, rows);
        if (block.equals(LeaseBlock.NONE)) {
            return block;
        }
        try (var grow = connection.prepareStatement(GROW_LEASE)) {
            bind(grow, key, 1);
            grow.setString(4, holder);
            grow.setLong(5, block.requests());
            grow.setLong(6, block.rows());
            grow.setDouble(7, ttl.toMillis() / 1000.0);
            grow.executeUpdate();
        }
        leased(connection, key, block.requests(), block.rows());
        return block;
    }

    /**
     * Moves settled requests from the holder's lease to the used amounts: {@code requests} requests and
     * {@code reservedRows} rows leave the lease, {@code requests} and {@code usedRows} are used.
     *
     * @return false when the lease is gone or holds less (expired and deleted, or dropped by a limit
     *     change); nothing was moved then, and the caller must reserve exactly instead
     */
    public boolean useLeased(
            Connection connection, LeaseKey key, String holder, long requests, long reservedRows, long usedRows)
            throws SQLException {
        lock(connection, key);
        try (var shrink = connection.prepareStatement(SHRINK_LEASE)) {
            shrink.setLong(1, requests);
            shrink.setLong(2, reservedRows);
            bind(shrink, key, 3);
            shrink.setString(6, holder);
            shrink.setLong(7, requests);
            shrink.setLong(8, reservedRows);
            if (shrink.executeUpdate() == 0) {
                return false;
            }
        }
        try (var use = connection.prepareStatement(USE_LEASED)) {
            use.setLong(1, requests);
            use.setLong(2, usedRows);
            use.setLong(3, requests);
            use.setLong(4, reservedRows);
            bind(use, key, 5);
            use.executeUpdate();
        }
        return true;
    }

    /**
     * Renews the holder's leases of the keys for {@code ttl} from now (the database's clock); the keys
     * still leased. A lease row of the holder's that it no longer keeps books of is not renewed: it
     * expires and is reaped like a dead instance's.
     */
    public Set<LeaseKey> renew(Connection connection, String holder, Iterable<LeaseKey> keys, Duration ttl)
            throws SQLException {
        var alive = new HashSet<LeaseKey>();
        try (var renew = connection.prepareStatement(RENEW)) {
            for (var key : keys) {
                renew.setDouble(1, ttl.toMillis() / 1000.0);
                bind(renew, key, 2);
                renew.setString(5, holder);
                if (renew.executeUpdate() == 1) {
                    alive.add(key);
                }
            }
        }
        return alive;
    }

    /**
     * Waits at most 2 s for a row lock in the rest of the transaction: a lease is taken in a transaction
     * of its own, and when the caller's suspended transaction holds the usage row it would wait forever.
     */
    public void boundLockWaits(Connection connection) throws SQLException {
        try (var set = connection.prepareStatement(LOCK_TIMEOUT)) {
            set.execute();
        }
    }

    /** Returns the holder's lease of the key: what it still held is unleased again. */
    public LeaseBlock giveBack(Connection connection, LeaseKey key, String holder) throws SQLException {
        lock(connection, key);
        try (var delete = connection.prepareStatement(DELETE_OWN)) {
            bind(delete, key, 1);
            delete.setString(4, holder);
            return deleted(connection, key, delete);
        }
    }

    /** Deletes every expired lease, whoever held it; how many keys had one. */
    public int reapExpired(Connection connection) throws SQLException {
        var keys = keys(connection, EXPIRED_KEYS, null, null);
        for (var key : keys) {
            reapExpired(connection, key);
        }
        return keys.size();
    }

    /** Deletes the key's expired leases (looking first, without a lock, whether there is one); what they held. */
    public LeaseBlock reapExpired(Connection connection, LeaseKey key) throws SQLException {
        try (var any = connection.prepareStatement(ANY_EXPIRED)) {
            bind(any, key, 1);
            try (var result = any.executeQuery()) {
                if (!result.next()) {
                    return LeaseBlock.NONE;
                }
            }
        }
        lock(connection, key);
        try (var delete = connection.prepareStatement(DELETE_EXPIRED)) {
            bind(delete, key, 1);
            return deleted(connection, key, delete);
        }
    }

    /** Deletes every lease of the department's model, in any month (its limit changed). */
    public void dropAll(Connection connection, TenantId tenant, String model) throws SQLException {
        for (var key : keys(connection, KEYS_OF_MODEL, tenant, model)) {
            lock(connection, key);
            try (var delete = connection.prepareStatement(DELETE_ALL)) {
                bind(delete, key, 1);
                deleted(connection, key, delete);
            }
        }
    }

    /** Locks the key's usage row; its used and leased amounts (none when there is no row). */
    private static List<LeaseBlock> lock(Connection connection, LeaseKey key) throws SQLException {
        try (var lock = connection.prepareStatement(LOCK_USAGE)) {
            bind(lock, key, 1);
            try (var result = lock.executeQuery()) {
                if (!result.next()) {
                    return List.of(LeaseBlock.NONE, LeaseBlock.NONE);
                }
                return List.of(
                        new LeaseBlock(result.getLong(1), result.getLong(2)),
                        new LeaseBlock(result.getLong(3), result.getLong(4)));
            }
        }
    }

    private static LeaseBlock deleted(Connection connection, LeaseKey key, PreparedStatement delete)
            throws SQLException {
        long requests = 0;
        long rows = 0;
        try (var result = delete.executeQuery()) {
            while (result.next()) {
                requests += result.getLong(1);
                rows += result.getLong(2);
            }
        }
        if (requests != 0 || rows != 0) {
            leased(connection, key, -requests, -rows);
        }
        return new LeaseBlock(requests, rows);
    }

    private static void leased(Connection connection, LeaseKey key, long requests, long rows) throws SQLException {
        try (var leased = connection.prepareStatement(LEASED)) {
            leased.setLong(1, requests);
            leased.setLong(2, rows);
            bind(leased, key, 3);
            leased.executeUpdate();
        }
    }

    private static List<LeaseKey> keys(Connection connection, String sql, TenantId tenant, String model)
            throws SQLException {
        var keys = new ArrayList<LeaseKey>();
        try (var select = connection.prepareStatement(sql)) {
            if (tenant != null) {
                select.setString(1, tenant.value());
                select.setString(2, model);
            }
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    keys.add(key(result.getString(1), result.getString(2), result.getDate(3)));
                }
            }
        }
        return keys;
    }

    private static LeaseKey key(String tenant, String model, Date period) {
        return new LeaseKey(
                new TenantId(tenant), model, new QuotaPeriod(java.time.YearMonth.from(period.toLocalDate())));
    }

    private static void bind(PreparedStatement statement, LeaseKey key, int from) throws SQLException {
        statement.setString(from, key.tenant().value());
        statement.setString(from + 1, key.model());
        statement.setDate(from + 2, Date.valueOf(key.period().firstDay()));
    }
}
