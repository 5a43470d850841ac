package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.MalformedEventException;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Reads the chain and its checkpoints back, exactly as stored, for verification and export, and an
 * actor's events for the portal's history.
 */
public final class ChainReader {

    private static final String EVENTS = "SELECT seq, occurred_at, actor, actor_type, tenant, action, resource,"
            + " outcome, http_status, client_address, request_id, request_digest, response_digest, summary,"
            + " prev_hash, hash FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq";

    private static final String OF_ACTOR = "SELECT seq, occurred_at, actor, actor_type, tenant, action, resource,"
            + " outcome, http_status, client_address, request_id, request_digest, response_digest, summary,"
            + " prev_hash, hash FROM audit_event WHERE actor = ? AND actor_type = ? AND tenant = ? AND action = ?"
            + " ORDER BY seq DESC LIMIT ?";
    private static final String FIRST = "SELECT request_id, min(seq) FROM audit_event WHERE tenant = ?"
            + " AND action = ? AND outcome = ? AND request_id = ANY (?) GROUP BY request_id";

    private ChainReader() {}

    /** The actor's newest events of the action in the department, newest first, at most {@code limit}. */
    public static List<ChainedEvent> ofActor(
            Connection connection, String actor, ActorType actorType, TenantId tenant, String action, int limit)
            throws SQLException {
        try (var s = connection.prepareStatement(OF_ACTOR)) {
            s.setString(1, actor);
            s.setString(2, actorType.code());
            s.setString(3, CanonicalForm.tenant(tenant));
            s.setString(4, action);
            s.setInt(5, limit);
            var events = new ArrayList<ChainedEvent>();
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        }
    }

    /**
     * The seq of each request id's first event of the action with the outcome in the department, by
     * request id; ids without one are absent.
     */
    public static Map<String, Long> firstOf(
            Connection connection, TenantId tenant, String action, String outcome, Collection<String> requestIds)
            throws SQLException {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        try (var s = connection.prepareStatement(FIRST)) {
            s.setString(1, CanonicalForm.tenant(tenant));
            s.setString(2, action);
            s.setString(3, outcome);
            s.setArray(4, connection.createArrayOf("varchar", requestIds.toArray()));
            var first = new HashMap<String, Long>();
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString(1), rows.getLong(2));
                }
            }
            return first;
        }
    }

    /** The latest event's seq and hash, if the chain has any. */
    public static Optional<ChainedEvent> head(Connection connection) throws SQLException {
        try (var events = open(
                connection,
                "SELECT seq, occurred_at, actor, actor_type, tenant, action,"
                        + " resource, outcome, http_status, client_address, request_id, request_digest,"
                        + " response_digest, summary, prev_hash, hash FROM audit_event ORDER BY seq DESC LIMIT 1")) {
            return events.hasNext() ? Optional.of(events.next()) : Optional.empty();
        }
    }

    /** The stored hash of the event at {@code seq}, if there is one. */
    public static Optional<String> hashAt(Connection connection, long seq) throws SQLException {
        try (var s = connection.prepareStatement("SELECT hash FROM audit_event WHERE seq = ?")) {
            s.setLong(1, seq);
            try (var rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The events with {@code from <= seq <= to}, in seq order, read through a cursor. The connection
     * must not be in auto-commit mode for the cursor to stream rather than load everything.
     */
    public static Cursor events(Connection connection, long from, long to) throws SQLException {
        var statement = connection.prepareStatement(EVENTS);
        statement.setFetchSize(2000);
        statement.setLong(1, from);
        statement.setLong(2, to);
        return new Cursor(statement, statement.executeQuery());
    }

    /** The checkpoints with {@code from <= seq <= to}, in seq order. */
    public static List<Checkpoint> checkpoints(Connection connection, long from, long to) throws SQLException {
        return checkpoints(connection, "ORDER BY seq", from, to);
    }

    private static List<Checkpoint> checkpoints(Connection connection, String order, long from, long to)
            throws SQLException {
        try (var s = connection.prepareStatement("SELECT seq, head_hash, signed_at, key_id, signature"
                + " FROM audit_checkpoint WHERE seq BETWEEN ? AND ? " + order)) {
            s.setLong(1, from);
            s.setLong(2, to);
            var checkpoints = new ArrayList<Checkpoint>();
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    checkpoints.add(new Checkpoint(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant(),
                            rows.getString(4),
                            rows.getString(5)));
                }
            }
            return checkpoints;
        }
    }

    /** The first checkpoint at or after {@code seq}: the one that covers the event at {@code seq}. */
    public static Optional<Checkpoint> firstCheckpointFrom(Connection connection, long seq) throws SQLException {
        var first = checkpoints(connection, "ORDER BY seq LIMIT 1", seq, Long.MAX_VALUE);
        return first.stream().findFirst();
    }

    /** The latest checkpoint below {@code seq}: the signed head an export of events from {@code seq} links to. */
    public static Optional<Checkpoint> latestCheckpointBefore(Connection connection, long seq) throws SQLException {
        return checkpoints(connection, "ORDER BY seq DESC LIMIT 1", 1, seq - 1).stream()
                .findFirst();
    }

    /** At most {@code limit} checkpoints with {@code seq < before}, newest first: a page of the list. */
    public static List<Checkpoint> checkpointsBefore(Connection connection, long before, int limit)
            throws SQLException {
        return checkpoints(connection, "ORDER BY seq DESC LIMIT " + Math.max(1, limit), 1, before - 1);
    }

    /** The checkpoint with the highest seq, if any. */
    public static Optional<Checkpoint> latestCheckpoint(Connection connection) throws SQLException {
        var all = checkpoints(connection, "ORDER BY seq DESC LIMIT 1", 1, Long.MAX_VALUE);
        return all.stream().findFirst();
    }

    /** Events read from a statement's result set; closing the cursor closes both. */
    static Cursor cursor(PreparedStatement statement, ResultSet rows) {
        return new Cursor(statement, rows);
    }

    private static Cursor open(Connection connection, String sql) throws SQLException {
        var statement = connection.prepareStatement(sql);
        return new Cursor(statement, statement.executeQuery());
    }

    static ChainedEvent event(ResultSet row) throws SQLException {
        try {
            return readEvent(row);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(row.getLong(1), e.getMessage(), e);
        }
    }

    private static ChainedEvent readEvent(ResultSet row) throws SQLException {
        int status = row.getInt(9);
        Integer httpStatus = row.wasNull() ? null : status;
        var event = new AuditEvent(
                row.getObject(2, OffsetDateTime.class).toInstant(),
                row.getString(3),
                ActorType.ofCode(row.getString(4)),
                CanonicalForm.parseTenant(row.getString(5)),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                httpStatus,
                row.getString(10),
                row.getString(11),
                row.getString(12),
                row.getString(13),
                row.getString(14));
        return new ChainedEvent(row.getLong(1), event, row.getString(15), row.getString(16));
    }

    /** Events read one by one from an open result set; close it when done. */
    public static final class Cursor implements Iterator<ChainedEvent>, AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private Boolean ahead;

        private Cursor(PreparedStatement statement, ResultSet rows) {
            this.statement = statement;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new AuditException("could not read the audit log: " + e.getMessage(), e);
                }
            }
            return ahead;
        }

        @Override
        public ChainedEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return event(rows);
            } catch (SQLException e) {
                throw new AuditException("could not read the audit log: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement;
                    rows) {
                // both closed, the result set first
            }
        }
    }
}
