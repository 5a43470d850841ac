package org.citymaas.billing.usage.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * Writes usage events idempotently: the department and request id are the key, so recording a retry
 * again changes nothing; whether a request is a retry of the one charged, {@link
 * UsageEvent#retriedBy} tells from the event {@link #find} reads. Works on the caller's connection,
 * inside its transaction (with the quota settlement and the audit event).
 */
public final class UsageLedger {

    private static final String INSERT = "INSERT INTO usage_event (tenant_id, request_id, caller, model,"
            + " model_version, rows, compute_ms, device, outcome, occurred_at, period, request_digest)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, request_id) DO NOTHING";
    private static final String FIND = "SELECT caller, model, model_version, rows, compute_ms, device, outcome,"
            + " occurred_at, request_digest FROM usage_event WHERE tenant_id = ? AND request_id = ?";

    /** Records the event; false when one with the same department and request id exists already. */
    public boolean record(Connection connection, UsageEvent event) throws SQLException {
        var period = QuotaPeriod.containing(event.occurredAt());
        try (var insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, event.tenant());
            insert.setString(2, event.requestId());
            insert.setString(3, event.caller());
            insert.setString(4, event.model());
            insert.setString(5, event.modelVersion());
            insert.setInt(6, event.rows());
            insert.setBigDecimal(7, event.computeMillis());
            insert.setString(8, event.device());
            insert.setString(9, event.outcome());
            insert.setTimestamp(10, Timestamp.from(event.occurredAt()));
            insert.setDate(11, Date.valueOf(period.firstDay()));
            insert.setString(12, event.requestDigest());
            return insert.executeUpdate() == 1;
        }
    }

    /** The event already recorded for this department and request id, if any. */
    public Optional<UsageEvent> find(Connection connection, String tenant, String requestId) throws SQLException {
        try (var find = connection.prepareStatement(FIND)) {
            find.setString(1, tenant);
            find.setString(2, requestId);
            try (var result = find.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UsageEvent(
                        tenant,
                        requestId,
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getInt(4),
                        result.getBigDecimal(5),
                        result.getString(6),
                        result.getString(7),
                        result.getTimestamp(8).toInstant(),
                        result.getString(9)));
            }
        }
    }
}
