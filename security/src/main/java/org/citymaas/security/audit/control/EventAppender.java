package org.citymaas.security.audit.control;

import java.sql.Connection;
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
                if (events.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (events.size() > 1) {
                insert.executeBatch();
            }
        }
        return chained;
    }

    private static void bind(java.sql.PreparedStatement s, long seq, AuditEvent e, String prevHash, String hash)
            throws SQLException {
        s.setLong(1, seq);
        s.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        s.setString(3, e.actor());
        s.setString(4, e.actorType().code());
        s.setString(5, e.tenant());
        s.setString(6, e.action());
        s.setString(7, e.resource());
        s.setString(8, e.outcome());
        if (e.httpStatus() == null) {
            s.setNull(9, Types.INTEGER);
        } else {
            s.setInt(9, e.httpStatus());
        }
        s.setString(10, e.clientAddress());
        s.setString(11, e.requestId());
        s.setString(12, e.requestDigest());
        s.setString(13, e.responseDigest());
        s.setString(14, e.summary());
        s.setString(15, prevHash);
        s.setString(16, hash);
    }
}
