package org.citymaas.portal.usage.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.portal.usage.control.InferenceTarget;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * "My history": the caller's own newest inference requests from the audit log, every outcome, each
 * with its usage when it was charged. A retried request id was charged once, for the first request
 * that succeeded; only that one shows rows and compute time.
 */
@ApplicationScoped
public class RequestHistory {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(QuotaPeriod.CITY_ZONE);
    private static final String HISTORY = "SELECT a.occurred_at, a.resource, a.request_id, a.outcome,"
            + " a.http_status, u.model_version, u.rows, u.compute_ms FROM (SELECT seq, occurred_at, tenant,"
            + " resource, request_id, outcome, http_status FROM audit_event WHERE actor = ? AND actor_type = ?"
            + " AND tenant = ? AND action = 'inference.request' ORDER BY seq DESC LIMIT ?) a"
            + " LEFT JOIN usage_event u ON u.tenant_id = a.tenant AND u.request_id = a.request_id"
            + " AND a.outcome = 'OK' AND a.seq = (SELECT min(f.seq) FROM audit_event f WHERE f.tenant = a.tenant"
            + " AND f.request_id = a.request_id AND f.action = 'inference.request' AND f.outcome = 'OK')"
            + " ORDER BY a.seq DESC";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    /**
     * The caller's newest requests, newest first.
     *
     * @param limit how many (1 to 500); none: 50
     * @throws InvalidParameterException a limit that is no number or out of range
     */
    public List<HistoryEntryView> recent(Caller caller, String limit) {
        var count = limit(limit);
        if (caller.tenant() == null) {
            return List.of();
        }
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(HISTORY)) {
            query.setString(1, caller.name());
            query.setString(2, caller.kind() == CallerKind.SERVICE ? "service" : "user");
            query.setString(3, caller.tenant());
            query.setInt(4, count);
            try (var result = query.executeQuery()) {
                var entries = new ArrayList<HistoryEntryView>();
                while (result.next()) {
                    entries.add(entry(result));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read the request history", e);
        }
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            var value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new InvalidParameterException("limit", "a whole number from 1 to " + MAX_LIMIT);
    }

    private static HistoryEntryView entry(ResultSet result) throws SQLException {
        var target = InferenceTarget.of(result.getString(2));
        var chargedVersion = result.getString(6);
        var status = result.getInt(5);
        var rows = result.getInt(7);
        var charged = !result.wasNull();
        return new HistoryEntryView(
                CITY_TIME.format(result.getTimestamp(1).toInstant()),
                target.model(),
                chargedVersion != null ? chargedVersion : target.version().orElse(null),
                result.getString(3),
                result.getString(4),
                status == 0 ? null : status,
                charged ? rows : null,
                charged ? result.getBigDecimal(8) : null);
    }
}
