package org.citymaas.tenant.quotas.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.QuotaLimit;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;
import org.citymaas.tenant.quotas.entity.QuotaStatus;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * Reserves, settles and releases quota in PostgreSQL. A reservation is one UPDATE of the month's usage
 * row that only succeeds while the limits still hold, counting what instances hold leased
 * ({@link LeaseLedger}) as taken: the row lock serializes concurrent requests, also from several portal
 * instances, so a quota is never overspent. Works on the caller's connection and transaction.
 */
public final class QuotaLedger {

    private static final String OPEN_PERIOD =
            "INSERT INTO quota_usage (tenant_id, model, period) VALUES (?, ?, ?)" + " ON CONFLICT DO NOTHING";
    // the limits are plain parameters: when the row was changed by a concurrent reservation while this
    // one waited for its lock, PostgreSQL re-checks these conditions on the new row before updating
    private static final String RESERVE_EACH = "UPDATE quota_usage"
            + " SET requests_used = requests_used + ?, rows_used = rows_used + ?"
            + " WHERE tenant_id = ? AND model = ? AND period = ?"
            + " AND requests_used + requests_leased + ? <= ? AND rows_used + rows_leased + ? <= ?";
    private static final String ADJUST = "UPDATE quota_usage"
            + " SET requests_used = requests_used + ?, rows_used = rows_used + ?"
            + " WHERE tenant_id = ? AND model = ? AND period = ?";
    private static final String LEASED =
            "SELECT requests_leased FROM quota_usage" + " WHERE tenant_id = ? AND model = ? AND period = ?";
    private static final String STATUS = "SELECT u.requests_used, u.rows_used FROM quota_usage u"
            + " WHERE u.tenant_id = ? AND u.model = ? AND u.period = ?";
    private static final String LIMIT = "SELECT request_limit, row_limit FROM quota WHERE tenant_id = ? AND model = ?";
    private static final String SET_LIMIT = "INSERT INTO quota (tenant_id, model, request_limit, row_limit, updated_by,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, model) DO UPDATE SET"
            + " request_limit = excluded.request_limit, row_limit = excluded.row_limit,"
            + " updated_by = excluded.updated_by, updated_at = excluded.updated_at";

    private static final QuotaLimit UNLIMITED = new QuotaLimit(Long.MAX_VALUE - 1, Long.MAX_VALUE / 2);

    /**
     * Takes one request and {@code rows} rows from this month's quota.
     *
     * @throws QuotaExceededException when a limit would be passed; nothing is taken then
     */
    public Reservation reserve(Connection connection, TenantId tenant, String model, long rows, Instant now)
            throws SQLException {
        return reserveEach(connection, tenant, model, List.of(rows), now).get(0);
    }

    private static long leasedRequests(Connection connection, TenantId tenant, String model, QuotaPeriod period)
            throws SQLException {
        try (var leased = connection.prepareStatement(LEASED)) {
            leased.setString(1, tenant.value());
            leased.setString(2, model);
            leased.setDate(3, Date.valueOf(period.firstDay()));
            try (var result = leased.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    /**
     * Takes {@code rows.size()} requests, each with its rows, from this month's quota in one statement,
     * all or nothing: the limits are checked for them together, as if reserved one after another with
     * none refused. Each comes back as its own reservation, to be settled or released on its own.
     *
     * @throws QuotaExceededException when a limit would be passed; nothing is taken then
     */
    public List<Reservation> reserveEach(
            Connection connection, TenantId tenant, String model, List<Long> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        long total = 0;
        for (var r : rows) {
            if (r < 0) {
                throw new IllegalArgumentException("rows cannot be negative");
            }
            total += r;
        }
        var period = QuotaPeriod.containing(now);
        var day = Date.valueOf(period.firstDay());
        try (var open = connection.prepareStatement(OPEN_PERIOD)) {
            open.setString(1, tenant.value());
            open.setString(2, model);
            open.setDate(3, day);
            open.executeUpdate();
        }
        var limit = limit(connection, tenant, model).orElse(UNLIMITED);
        try (var reserve = connection.prepareStatement(RESERVE_EACH)) {
            reserve.setLong(1, rows.size());
            reserve.setLong(2, total);
            reserve.setString(3, tenant.value());
            reserve.setString(4, model);
            reserve.setDate(5, day);
            reserve.setLong(6, rows.size());
            reserve.setLong(7, limit.requests());
            reserve.setLong(8, total);
            reserve.setLong(9, limit.rows());
            if (reserve.executeUpdate() == 1) {
                return rows.stream()
                        .map(r -> new Reservation(tenant, model, period, r))
                        .toList();
            }
        }
        var status = status(connection, tenant, model, now);
        var leased = leasedRequests(connection, tenant, model, period);
        var what = status.limit()
                        .map(l -> status.requestsUsed() + leased + rows.size() > l.requests())
                        .orElse(false)
                ? "request"
                : "row";
        throw new QuotaExceededException(tenant, model, what, period.resetsAt());
    }

    /** Gives a reservation back in full (the request failed or was refused after reserving). */
    public void release(Connection connection, Reservation reservation) throws SQLException {
        adjust(connection, reservation, -1, -reservation.rows());
    }

    /** Settles a reservation at the rows really processed (fewer when rows of a batch were skipped). */
    public void settle(Connection connection, Reservation reservation, long actualRows) throws SQLException {
        if (actualRows < 0 || actualRows > reservation.rows()) {
            throw new IllegalArgumentException(
                    "settled rows must be between 0 and the " + reservation.rows() + " reserved");
        }
        if (actualRows != reservation.rows()) {
            adjust(connection, reservation, 0, actualRows - reservation.rows());
        }
    }

    private static void adjust(Connection connection, Reservation reservation, long requests, long rows)
            throws SQLException {
        try (var adjust = connection.prepareStatement(ADJUST)) {
            adjust.setLong(1, requests);
            adjust.setLong(2, rows);
            adjust.setString(3, reservation.tenant().value());
            adjust.setString(4, reservation.model());
            adjust.setDate(5, Date.valueOf(reservation.period().firstDay()));
            adjust.executeUpdate();
        }
    }

    /** What the department used of the model this month and its limits. */
    public QuotaStatus status(Connection connection, TenantId tenant, String model, Instant now) throws SQLException {
        var period = QuotaPeriod.containing(now);
        long requests = 0;
        long rows = 0;
        try (var status = connection.prepareStatement(STATUS)) {
            status.setString(1, tenant.value());
            status.setString(2, model);
            status.setDate(3, Date.valueOf(period.firstDay()));
            try (var result = status.executeQuery()) {
                if (result.next()) {
                    requests = result.getLong(1);
                    rows = result.getLong(2);
                }
            }
        }
        return new QuotaStatus(period, requests, rows, limit(connection, tenant, model));
    }

    public Optional<QuotaLimit> limit(Connection connection, TenantId tenant, String model) throws SQLException {
        try (var limit = connection.prepareStatement(LIMIT)) {
            limit.setString(1, tenant.value());
            limit.setString(2, model);
            try (var result = limit.executeQuery()) {
                return result.next()
                        ? Optional.of(new QuotaLimit(result.getLong(1), result.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    /** Sets (or replaces) a department's monthly limits for a model. */
    public void setLimit(
            Connection connection, TenantId tenant, String model, QuotaLimit limit, String changedBy, Instant now)
            throws SQLException {
        try (var set = connection.prepareStatement(SET_LIMIT)) {
            set.setString(1, tenant.value());
            set.setString(2, model);
            set.setLong(3, limit.requests());
            set.setLong(4, limit.rows());
            set.setString(5, changedBy);
            set.setTimestamp(6, Timestamp.from(now));
            set.executeUpdate();
        }
    }
}
