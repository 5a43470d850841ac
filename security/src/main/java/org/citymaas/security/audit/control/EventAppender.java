package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;

/**
 * Extends the chain on a caller's connection, inside the caller's transaction. Chain extension is
 * serialized in the database by a transaction-scoped advisory lock, so threads and separate portal
 * instances sharing a database never fork the chain; the lock is held from the append until the
 * caller's commit or rollback, so callers append as the last step of their transaction.
 *
 * <p>The transaction must be READ COMMITTED (PostgreSQL's default): the head is read after the lock is
 * granted, in a fresh snapshot. Under REPEATABLE READ the head may be stale; the unique seq and
 * prev_hash then make the insert fail rather than fork the chain.
 */
public final class EventAppender {

    /** The advisory lock that serializes chain extension ("CityAud1"); no other CityMaaS lock uses it. */
    public static final long CHAIN_LOCK = 0x4369747941756431L;

    private static final String LOCK_AND_READ_HEAD = "SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ");"
            + " SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1";
    /*
     * One event, one round trip: the lock, then an INSERT that reads the head in a snapshot taken after
     * the lock was granted and completes the hash from the content's canonical bytes (a parameter) with
     * seq and prev_hash. In auto-commit mode the driver sends both statements before one Sync, so they
     * run as one implicit transaction that commits (and releases the lock) on the server, without
     * another round trip.
     */
    private static final String APPEND_ONE = "SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ");"
            + " INSERT INTO audit_event (seq, occurred_at, actor, actor_type, tenant, action, resource, outcome,"
            + " http_status, client_address, request_id, request_digest, response_digest, summary, prev_hash, hash)"
            + " SELECT head.seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, head.prev,"
            + " encode(sha256(?::bytea || int4send(octet_length(head.seq::text)) || convert_to(head.seq::text, 'UTF8')"
            + " || int4send(octet_length(head.prev)) || convert_to(head.prev, 'UTF8')), 'hex')"
            + " FROM (SELECT COALESCE(last.seq, 0) + 1 AS seq, COALESCE(last.hash::text, '" + ChainedEvent.GENESIS
            + "') AS prev FROM (SELECT 1) AS one LEFT JOIN"
            + " (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS last ON true) AS head"
            + " RETURNING seq, prev_hash, hash";

    private static final String INSERT = "INSERT INTO audit_event (seq, occurred_at, actor, actor_type, tenant,"
            + " action, resource, outcome, http_status, client_address, request_id, request_digest,"
            + " response_digest, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Appends the events, in order, as the next links of the chain. With auto-commit on, the append is
     * its own transaction and is committed (durable) when this returns; otherwise it joins the caller's
     * transaction and is durable when the caller commits.
     */
    public List<ChainedEvent> append(Connection connection, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (events.size() == 1) {
            return List.of(appendOne(connection, events.get(0)));
        }
        try {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try {
                var chained = appendInTransaction(connection, events);
                if (ownTransaction) {
                    connection.commit();
                }
                return chained;
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new AuditException("could not append to the audit log: " + e.getMessage(), e);
        }
    }

    private static ChainedEvent appendOne(Connection connection, AuditEvent event) {
        try (var statement = connection.prepareStatement(APPEND_ONE)) {
            bindContent(statement, 1, event);
            statement.setBytes(14, CanonicalForm.content(event));
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new SQLException("the append returned no row");
            }
            try (var row = statement.getResultSet()) {
                if (!row.next()) {
                    throw new SQLException("the append returned no row");
                }
                return new ChainedEvent(row.getLong(1), event, row.getString(2), row.getString(3));
            }
        } catch (SQLException e) {
            throw new AuditException("could not append to the audit log: " + e.getMessage(), e);
        }
    }

    private static List<ChainedEvent> appendInTransaction(Connection connection, List<AuditEvent> events)
            throws SQLException {
        long seq = 0;
        String prevHash = ChainedEvent.GENESIS;
        try (var statement = connection.createStatement()) {
            statement.execute(LOCK_AND_READ_HEAD);
            if (!statement.getMoreResults()) {
                throw new SQLException("the chain head query returned no result");
            }
            try (var head = statement.getResultSet()) {
                if (head.next()) {
                    seq = head.getLong(1);
                    prevHash = head.getString(2);
                }
            }
        }
        var chained = new ArrayList<ChainedEvent>(events.size());
        try (var insert = connection.prepareStatement(INSERT)) {
            for (var event : events) {
                seq++;
                var hash = CanonicalForm.hash(seq, event, prevHash);
                bind(insert, seq, event, prevHash, hash);
                chained.add(new ChainedEvent(seq, event, prevHash, hash));
                prevHash = hash;
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return chained;
    }

    private static void bind(PreparedStatement s, long seq, AuditEvent e, String prevHash, String hash)
            throws SQLException {
        s.setLong(1, seq);
        bindContent(s, 2, e);
        s.setString(15, prevHash);
        s.setString(16, hash);
    }

    /** Binds occurred_at .. summary, in column order, from parameter {@code first} on. */
    private static void bindContent(PreparedStatement s, int first, AuditEvent e) throws SQLException {
        int i = first;
        s.setObject(i++, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        s.setString(i++, e.actor());
        s.setString(i++, e.actorType().code());
        s.setString(i++, e.tenant());
        s.setString(i++, e.action());
        s.setString(i++, e.resource());
        s.setString(i++, e.outcome());
        if (e.httpStatus() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, e.httpStatus());
        }
        s.setString(i++, e.clientAddress());
        s.setString(i++, e.requestId());
        s.setString(i++, e.requestDigest());
        s.setString(i++, e.responseDigest());
        s.setString(i, e.summary());
    }
}
