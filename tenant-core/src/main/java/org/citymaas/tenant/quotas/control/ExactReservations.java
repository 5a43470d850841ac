package org.citymaas.tenant.quotas.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.LeaseKey;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * Open exact reservations in PostgreSQL ({@code quota_reservation}, V24): each one already counted in
 * its usage row's used amounts ({@link QuotaLedger}) is also a row naming the instance that holds it,
 * renewed by that instance's heartbeat. When the instance dies its rows expire, and any instance's
 * reaper deletes them and takes their amounts off the usage row again. A settlement or release deletes
 * its row first: when it is gone (reaped), the amount was given back already. Statements that delete
 * reservation rows run before any usage row is locked in the same transaction, as the reaper does, so
 * that the two keep the same lock order. Works on the caller's connection and transaction.
 */
public final class ExactReservations {

    private static final String KEY = " tenant_id = ? AND model = ? AND period = ?";
    private static final String TRACK = "INSERT INTO quota_reservation (tenant_id, model, period, instance_id,"
            + " requests, rows, expires_at) SELECT ?, ?, ?, ?, 1, r, now() + make_interval(secs => ?)"
            + " FROM unnest(?::bigint[]) AS t(r) RETURNING id, rows";
    private static final String CLOSE = "DELETE FROM quota_reservation WHERE id = ANY(?) RETURNING id";
    private static final String RENEW =
            "UPDATE quota_reservation SET expires_at = now() + make_interval(secs => ?) WHERE instance_id = ?";
    private static final String REAP = "DELETE FROM quota_reservation WHERE expires_at < now()"
            + " RETURNING tenant_id, model, period, requests, rows";
    private static final String REAP_KEY =
            "DELETE FROM quota_reservation WHERE" + KEY + " AND expires_at < now() RETURNING requests, rows";
    private static final String GIVE_BACK =
            "UPDATE quota_usage SET requests_used = requests_used - ?," + " rows_used = rows_used - ? WHERE" + KEY;

    /**
     * Records exact reservations just counted in their usage row (one key) as the holder's, living for
     * {@code ttl} unless renewed: one statement however many.
     *
     * @return the same reservations, each with its row's id as its ticket
     */
    public List<Reservation> track(Connection connection, List<Reservation> reserved, String holder, Duration ttl)
            throws SQLException {
        if (reserved.isEmpty()) {
            return reserved;
        }
        var first = reserved.get(0);
        var ids = new TreeMap<Long, List<Long>>(); // rows -> ids of rows with that many rows
        try (var track = connection.prepareStatement(TRACK)) {
            bind(track, LeaseKey.of(first), 1);
            track.setString(4, holder);
            track.setDouble(5, ttl.toMillis() / 1000.0);
            track.setArray(
                    6,
                    connection.createArrayOf(
                            "bigint", reserved.stream().map(Reservation::rows).toArray()));
            try (var result = track.executeQuery()) {
                while (result.next()) {
                    ids.computeIfAbsent(result.getLong(2), r -> new ArrayList<>())
                            .add(result.getLong(1));
                }
            }
        }
        // which id goes to which reservation does not matter among reservations of the same rows
        var tracked = new ArrayList<Reservation>(reserved.size());
        for (var r : reserved) {
            var id = ids.get(r.rows()).remove(0);
            tracked.add(new Reservation(r.tenant(), r.model(), r.period(), r.rows(), null, id));
        }
        return tracked;
    }

    /**
     * Deletes the rows of exact reservations being settled or released (untracked ones are skipped).
     *
     * @return the ids whose row was still there; a tracked reservation not among them was reaped, and its
     *     amount is no longer counted in its usage row
     */
    public Set<Long> close(Connection connection, List<Reservation> reservations) throws SQLException {
        var ids = reservations.stream()
                .filter(r -> !r.leased() && r.ticket() != 0)
                .map(Reservation::ticket)
                .sorted()
                .toArray(Long[]::new);
        var open = new HashSet<Long>();
        if (ids.length == 0) {
            return open;
        }
        try (var close = connection.prepareStatement(CLOSE)) {
            close.setArray(1, connection.createArrayOf("bigint", ids));
            try (var result = close.executeQuery()) {
                while (result.next()) {
                    open.add(result.getLong(1));
                }
            }
        }
        return open;
    }

    /** Renews every open exact reservation of the holder for {@code ttl} from now; how many. */
    public int renew(Connection connection, String holder, Duration ttl) throws SQLException {
        try (var renew = connection.prepareStatement(RENEW)) {
            renew.setDouble(1, ttl.toMillis() / 1000.0);
            renew.setString(2, holder);
            return renew.executeUpdate();
        }
    }

    /** Deletes every expired exact reservation, whoever held it, and gives it back; how many keys had one. */
    public int reapExpired(Connection connection) throws SQLException {
        var freed = new TreeMap<String, Object[]>();
        try (var reap = connection.prepareStatement(REAP);
                var result = reap.executeQuery()) {
            while (result.next()) {
                var key = new LeaseKey(
                        new TenantId(result.getString(1)),
                        result.getString(2),
                        new QuotaPeriod(YearMonth.from(result.getDate(3).toLocalDate())));
                var sum = freed.computeIfAbsent(key.toString(), k -> new Object[] {key, LeaseBlock.NONE});
                var block = (LeaseBlock) sum[1];
                sum[1] = new LeaseBlock(block.requests() + result.getLong(4), block.rows() + result.getLong(5));
            }
        }
        // usage rows in a fixed order, so that two reapers never lock them crosswise
        var sorted = freed.values().stream()
                .sorted(Comparator.comparing(s -> s[0].toString()))
                .toList();
        for (var sum : sorted) {
            giveBack(connection, (LeaseKey) sum[0], (LeaseBlock) sum[1]);
        }
        return freed.size();
    }

    /** Deletes the key's expired exact reservations and gives them back; what they held. */
    public LeaseBlock reapExpired(Connection connection, LeaseKey key) throws SQLException {
        long requests = 0;
        long rows = 0;
        try (var reap = connection.prepareStatement(REAP_KEY)) {
            bind(reap, key, 1);
            try (var result = reap.executeQuery()) {
                while (result.next()) {
                    requests += result.getLong(1);
                    rows += result.getLong(2);
                }
            }
        }
        var freed = new LeaseBlock(requests, rows);
        giveBack(connection, key, freed);
        return freed;
    }

    private static void giveBack(Connection connection, LeaseKey key, LeaseBlock freed) throws SQLException {
        if (freed.requests() == 0 && freed.rows() == 0) {
            return;
        }
        try (var giveBack = connection.prepareStatement(GIVE_BACK)) {
            giveBack.setLong(1, freed.requests());
            giveBack.setLong(2, freed.rows());
            bind(giveBack, key, 3);
            giveBack.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, LeaseKey key, int from) throws SQLException {
        statement.setString(from, key.tenant().value());
        statement.setString(from + 1, key.model());
        statement.setDate(from + 2, Date.valueOf(key.period().firstDay()));
    }
}
