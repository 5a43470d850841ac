package org.citymaas.billing.usage.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * Writes usage events idempotently: the department and request id are the key, so recording a retry
 * again changes nothing; whether a request is a retry of the one charged, {@link
 * UsageEvent#retriedBy} tells from the event {@link #find} reads. Works on the caller's connection,
 * inside its transaction (with the quota settlement and the audit event).
 */
public final class UsageLedger {

    private static final String INSERT = "INSERT INTO usage_event (tenant_id, request_id, caller, model,"
            + " model_version, rows, compute_ms, device, outcome, occurred_at, period, request_digest, kind)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, request_id) DO NOTHING";
    private static final String COLUMNS = "SELECT caller, model, model_version, rows, compute_ms, device, outcome,"
            + " occurred_at, request_digest, request_id, kind FROM usage_event";
    private static final String FIND = COLUMNS + " WHERE tenant_id = ? AND request_id = ?";
    private static final String FIND_ALL = COLUMNS + " WHERE tenant_id = ? AND request_id = ANY (?)";

    /**
     * Records the event; false when one with the same department and request id exists already. Takes
     * the department's {@link UsageLock} shared first, so that a statement being issued sees it or
     * corrects it later.
     */
    public boolean record(Connection connection, UsageEvent event) throws SQLException {
        UsageLock.shared(connection, event.tenant());
        try (var insert = connection.prepareStatement(INSERT)) {
            bind(insert, event);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Records the events in one JDBC batch (each department's {@link UsageLock} taken shared once, first),
     * in order, each as {@link #record} would: whether each was written, false where its department and
     * request id were recorded already (by an earlier event of the same list, too).
     */
    public boolean[] recordAll(Connection connection, List<UsageEvent> events) throws SQLException {
        var written = new boolean[events.size()];
        if (events.isEmpty()) {
            return written;
        }
        for (var tenant : events.stream()
                .map(UsageEvent::tenant)
                .distinct()
                .sorted(Comparator.comparing(TenantId::value))
                .toList()) {
            UsageLock.shared(connection, tenant);
        }
        try (var insert = connection.prepareStatement(INSERT)) {
            for (var event : events) {
                bind(insert, event);
                insert.addBatch();
            }
            var counts = insert.executeBatch();
            if (counts.length != events.size()) {
                throw new SQLException("the usage batch returned " + counts.length + " counts for " + events.size());
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not say which usage events were written");
                }
                written[i] = counts[i] == 1;
            }
        }
        return written;
    }

    private static void bind(PreparedStatement insert, UsageEvent event) throws SQLException {
        var period = QuotaPeriod.containing(event.occurredAt());
        insert.setString(1, event.tenant().value());
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
        insert.setString(13, event.kind().name());
    }

    /** The event already recorded for this department and request id, if any. */
    public Optional<UsageEvent> find(Connection connection, TenantId tenant, String requestId) throws SQLException {
        try (var find = connection.prepareStatement(FIND)) {
            find.setString(1, tenant.value());
            find.setString(2, requestId);
            try (var result = find.executeQuery()) {
                return result.next() ? Optional.of(event(tenant, result)) : Optional.empty();
            }
        }
    }

    /** The events recorded for these request ids of the department, by request id (ids without one are absent). */
    public Map<String, UsageEvent> findAll(Connection connection, TenantId tenant, Collection<String> requestIds)
            throws SQLException {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        try (var find = connection.prepareStatement(FIND_ALL)) {
            find.setString(1, tenant.value());
            find.setArray(2, connection.createArrayOf("varchar", requestIds.toArray()));
            try (var result = find.executeQuery()) {
                var events = new HashMap<String, UsageEvent>();
                while (result.next()) {
                    var event = event(tenant, result);
                    events.put(event.requestId(), event);
                }
                return events;
            }
        }
    }

    private static UsageEvent event(TenantId tenant, ResultSet result) throws SQLException {
        return new UsageEvent(
                tenant,
                result.getString(10),
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getInt(4),
                result.getBigDecimal(5),
                result.getString(6),
                result.getString(7),
                result.getTimestamp(8).toInstant(),
                result.getString(9),
                UsageKind.valueOf(result.getString(11)));
    }
}
