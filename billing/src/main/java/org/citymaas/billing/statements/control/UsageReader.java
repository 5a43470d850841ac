package org.citymaas.billing.statements.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Reads a department's billable usage of a month per model version, between two usage sequence numbers.
 * Billable means outcome {@code OK}: the portal meters only answered requests (a failed request
 * releases its quota reservation and records no usage), and an event with any other outcome would not
 * be charged either. Request ids are read in ascending order of their UTF-8 bytes ({@code COLLATE "C"}),
 * the order their digest is computed in.
 */
final class UsageReader {

    private static final String EVENTS = "SELECT model, model_version, request_id, rows, compute_ms, device,"
            + " occurred_at, kind FROM usage_event WHERE tenant_id = ? AND period = ? AND outcome = 'OK'"
            + " AND seq > ? AND seq <= ? ORDER BY model, model_version, request_id COLLATE \"C\"";
    private static final String HIGH_WATER = "SELECT coalesce(max(seq), 0) FROM usage_event WHERE tenant_id = ?";
    private static final String ANY_AFTER = "SELECT EXISTS (SELECT 1 FROM usage_event WHERE tenant_id = ?"
            + " AND period = ? AND outcome = 'OK' AND seq > ? AND seq <= ?)";

    /** The month's usage with {@code after < seq <= upTo}, per model version. */
    SortedMap<Subscription, SubscriptionUsage> usage(
            Connection connection, TenantId tenant, YearMonth month, long after, long upTo) throws SQLException {
        var usage = new TreeMap<Subscription, SubscriptionUsage>();
        try (var query = connection.prepareStatement(EVENTS)) {
            query.setFetchSize(1000);
            query.setString(1, tenant.value());
            query.setDate(2, Date.valueOf(month.atDay(1)));
            query.setLong(3, after);
            query.setLong(4, upTo);
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    usage.computeIfAbsent(
                                    new Subscription(result.getString(1), result.getString(2)),
                                    k -> new SubscriptionUsage())
                            .add(
                                    result.getString(3),
                                    result.getLong(4),
                                    result.getBigDecimal(5),
                                    result.getString(6),
                                    result.getTimestamp(7).toInstant(),
                                    UsageKind.valueOf(result.getString(8)));
                }
            }
        }
        return usage;
    }

    /** The highest usage sequence number of the department, 0 if it has none. */
    long highWater(Connection connection, TenantId tenant) throws SQLException {
        try (var query = connection.prepareStatement(HIGH_WATER)) {
            query.setString(1, tenant.value());
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Whether the month has billable usage with {@code after < seq <= upTo}. */
    boolean anyBetween(Connection connection, TenantId tenant, YearMonth month, long after, long upTo)
            throws SQLException {
        try (var query = connection.prepareStatement(ANY_AFTER)) {
            query.setString(1, tenant.value());
            query.setDate(2, Date.valueOf(month.atDay(1)));
            query.setLong(3, after);
            query.setLong(4, upTo);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
