package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.citymaas.security.audit.entity.AuditCursor;
import org.citymaas.security.audit.entity.AuditPage;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Runs an {@link AuditQuery} as one parameterised statement: every value is a bind parameter, the
 * statement's text depends only on which filters are set. Newest first by chain position (keyset
 * pagination on {@code seq}), one event more than a page to know whether another page follows.
 *
 * <p>The conditions are written as V10's indexes are, so that PostgreSQL can walk one of them
 * backwards in {@code seq} order: {@code split_part(action, '.', 1)} for action categories,
 * {@code audit_resource_model(resource)} for models, and the literals the partial indexes are defined
 * by ({@code outcome <> 'OK'} when the outcomes asked for exclude {@code OK}, and the like for the
 * {@code inference} category), which the planner must find in the query to use them.
 *
 * <p>Each search is planned for its values ({@code plan_cache_mode = force_custom_plan} around it): a
 * generic plan, which the driver and the server switch to after a few executions of the same text,
 * cannot tell a department's rare action from a common one, and walks the whole chain for the rare one.
 */
public final class EventSearch {

    private static final String COLUMNS = "seq, occurred_at, actor, actor_type, tenant, action, resource,"
            + " outcome, http_status, client_address, request_id, request_digest, response_digest, summary,"
            + " prev_hash, hash";

    /** The action category V10's partial category index leaves out: most of the traffic. */
    private static final String UNINDEXED_CATEGORY = "inference";

    /** The most events in a time range that is read whole and sorted (see {@link #narrowTimeRange}). */
    private static final int NARROW_RANGE = 20_000;

    private EventSearch() {}

    /** The page of {@code query}'s events before the cursor (the newest ones when it is null). */
    public static AuditPage page(Connection connection, AuditQuery query, AuditCursor cursor) throws SQLException {
        var binds = new ArrayList<Bind>();
        var sql = conditions(query, cursor, binds);
        binds.add((s, i) -> s.setInt(i, query.pageSize() + 1));
        var select = narrowTimeRange(connection, query)
                // all of the range's matches, found however is cheapest, then sorted: the fence (OFFSET 0)
                // keeps the planner from walking the primary key down to an old range instead
                ? "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + " FROM audit_event" + sql
                        + " OFFSET 0) AS range ORDER BY seq DESC LIMIT ?"
                : "SELECT " + COLUMNS + " FROM audit_event" + sql + " ORDER BY seq DESC LIMIT ?";

        var events = new ArrayList<ChainedEvent>(query.pageSize() + 1);
        execute(connection, "SET plan_cache_mode = force_custom_plan");
        try (var statement = connection.prepareStatement(select)) {
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).bind(statement, i + 1);
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(ChainReader.event(rows));
                }
            }
        } catch (SQLException e) {
            try {
                execute(connection, "RESET plan_cache_mode");
            } catch (SQLException reset) {
                // in a failed transaction: its rollback undoes the SET
                e.addSuppressed(reset);
            }
            throw e;
        }
        execute(connection, "RESET plan_cache_mode");
        if (events.size() <= query.pageSize()) {
            return new AuditPage(events, null);
        }
        var page = events.subList(0, query.pageSize());
        var next = AuditCursor.before(query, page.get(page.size() - 1).seq());
        return new AuditPage(page, next.token());
    }

    /**
     * Every event matching {@code query}'s filters, oldest first (chain order), read through a cursor of
     * {@code fetchSize} rows at a time: the connection must not be in auto-commit mode, or the driver
     * loads the whole result. The same conditions as {@link #page}, so an export holds exactly what the
     * search pages through.
     */
    public static ChainReader.Cursor matching(Connection connection, AuditQuery query, int fetchSize)
            throws SQLException {
        var binds = new ArrayList<Bind>();
        var sql = conditions(query, null, binds);
        var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_event" + sql + " ORDER BY seq");
        try {
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).bind(statement, i + 1);
            }
            return ChainReader.cursor(statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The WHERE clause of the query's filters (and the cursor's position, if any), its values added to binds. */
    private static StringBuilder conditions(AuditQuery query, AuditCursor cursor, List<Bind> binds) {
        var sql = new StringBuilder(" WHERE true");
        if (cursor != null) {
            sql.append(" AND seq < ?");
            binds.add((s, i) -> s.setLong(i, cursor.beforeSeq()));
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            binds.add(instant(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            binds.add(instant(query.to()));
        }
        anyOf(
                sql,
                binds,
                "tenant",
                query.departments().stream().map(TenantId::value).toList());
        anyOf(sql, binds, "actor", query.actors());
        if (!query.actions().isEmpty()) {
            // the category narrows by the index; exact actions of a category not asked for whole refine it
            anyOf(sql, binds, "split_part(action, '.', 1)", query.actionCategories());
            if (!query.actionCategories().contains(UNINDEXED_CATEGORY)) {
                sql.append(" AND split_part(action, '.', 1) <> '" + UNINDEXED_CATEGORY + "'");
            }
            var exact = query.exactActions();
            if (!exact.isEmpty()) {
                var whole = query.wholeCategories();
                sql.append(" AND (action = ANY (?)");
                binds.add(texts(exact));
                if (!whole.isEmpty()) {
                    sql.append(" OR split_part(action, '.', 1) = ANY (?)");
                    binds.add(texts(whole));
                }
                sql.append(')');
            }
        }
        anyOf(sql, binds, "audit_resource_model(resource)", query.models());
        anyOf(sql, binds, "outcome", query.outcomes());
        if (!query.outcomes().isEmpty() && !query.outcomes().contains("OK")) {
            sql.append(" AND outcome <> 'OK'");
        }
        if (query.httpStatus() != null) {
            sql.append(" AND http_status = ?");
            binds.add((s, i) -> s.setInt(i, query.httpStatus()));
        }
        if (query.clientAddress() != null) {
            sql.append(" AND client_address = ?");
            binds.add((s, i) -> s.setString(i, query.clientAddress()));
        }
        if (query.requestId() != null) {
            sql.append(" AND request_id = ?");
            binds.add((s, i) -> s.setString(i, query.requestId()));
        }
        return sql;
    }

    /**
     * Whether the query's time range holds at most {@value #NARROW_RANGE} events (counted through the
     * time index, stopping there). PostgreSQL assumes a range's events are spread over the whole chain,
     * so for a narrow range it may walk the primary key from the newest event down, which for a range
     * long past means most of the chain; reading the range whole and sorting it costs at most this many.
     */
    private static boolean narrowTimeRange(Connection connection, AuditQuery query) throws SQLException {
        if (query.from() == null && query.to() == null) {
            return false;
        }
        var count = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM audit_event WHERE true");
        var binds = new ArrayList<Bind>();
        if (query.from() != null) {
            count.append(" AND occurred_at >= ?");
            binds.add(instant(query.from()));
        }
        if (query.to() != null) {
            count.append(" AND occurred_at < ?");
            binds.add(instant(query.to()));
        }
        count.append(" LIMIT ").append(NARROW_RANGE + 1).append(") AS range");
        try (var statement = connection.prepareStatement(count.toString())) {
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).bind(statement, i + 1);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) <= NARROW_RANGE;
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code column = ?} for one value (the planner's estimates are better), {@code = ANY (?)} for several. */
    private static void anyOf(StringBuilder sql, List<Bind> binds, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() == 1) {
            var value = values.iterator().next();
            sql.append(" AND ").append(column).append(" = ?");
            binds.add((s, i) -> s.setString(i, value));
        } else {
            sql.append(" AND ").append(column).append(" = ANY (?)");
            binds.add(texts(values));
        }
    }

    private static Bind texts(Collection<String> values) {
        var array = values.toArray(String[]::new);
        return (s, i) -> s.setArray(i, s.getConnection().createArrayOf("text", array));
    }

    private static Bind instant(Instant value) {
        return (s, i) -> s.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @FunctionalInterface
    private interface Bind {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }
}
