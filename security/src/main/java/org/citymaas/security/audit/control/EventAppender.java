package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>An append is one round trip: the lock, then an INSERT that reads the head in a snapshot taken
 * after the lock was granted and hashes each event's canonical content bytes (computed here) with
 * its seq and prev_hash, in PostgreSQL. In auto-commit mode the driver sends both statements before
 * one Sync, so they run as one implicit transaction that commits, and releases the lock, on the
 * server without another round trip.
 *
 * <p>The transaction must be READ COMMITTED (PostgreSQL's default). Under REPEATABLE READ the head may
 * be stale; the unique seq and prev_hash then make the insert fail rather than fork the chain.
 */
public final class EventAppender {

    /** The advisory lock that serializes chain extension ("CityAud1"); no other CityMaaS lock uses it. */
    public static final long CHAIN_LOCK = 0x4369747941756431L;

    /** The most events one statement appends. */
    private static final int CHUNK = 100;

    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ");";
    private static final String COLUMNS = "seq, occurred_at, actor, actor_type, tenant, action, resource, outcome,"
            + " http_status, client_address, request_id, request_digest, response_digest, summary, prev_hash, hash";
    private static final String HEAD = "SELECT COALESCE(last.seq, 0) AS seq, COALESCE(last.hash::text, '"
            + ChainedEvent.GENESIS + "') AS hash FROM (SELECT 1) AS one LEFT JOIN"
            + " (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS last ON true";

    private static String link(String content, String seq, String prev) {
        return "encode(sha256(" + content + " || int4send(octet_length(" + seq + "::text)) || convert_to(" + seq
                + "::text, 'UTF8') || int4send(octet_length(" + prev + ")) || convert_to(" + prev
                + ", 'UTF8')), 'hex')";
    }

    private static final String APPEND_ONE = LOCK + " INSERT INTO audit_event (" + COLUMNS + ")"
            + " SELECT head.seq + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, head.hash, "
            + link("?::bytea", "(head.seq + 1)", "head.hash")
            + " FROM (" + HEAD + ") AS head RETURNING seq, prev_hash, hash";

    /* a batch: arrays in, the chain extended by a recursive query, one row per event */
    private static final String APPEND_MANY = LOCK + " WITH RECURSIVE"
            + " input AS (SELECT ?::text[] AS content, ?::text[] AS occurred_at, ?::text[] AS actor,"
            + " ?::text[] AS actor_type, ?::text[] AS tenant, ?::text[] AS action, ?::text[] AS resource,"
            + " ?::text[] AS outcome, ?::int4[] AS http_status, ?::text[] AS client_address,"
            + " ?::text[] AS request_id, ?::text[] AS request_digest, ?::text[] AS response_digest,"
            + " ?::text[] AS summary),"
            + " chain (n, seq, prev, hash) AS (SELECT 0, head.seq, NULL::text, head.hash FROM (" + HEAD + ") AS head"
            + " UNION ALL SELECT c.n + 1, c.seq + 1, c.hash, "
            + link("decode(i.content[c.n + 1], 'hex')", "(c.seq + 1)", "c.hash")
            + " FROM chain AS c, input AS i WHERE c.n < cardinality(i.content))"
            + " INSERT INTO audit_event (" + COLUMNS + ")"
            + " SELECT c.seq, i.occurred_at[c.n]::timestamptz, i.actor[c.n], i.actor_type[c.n], i.tenant[c.n],"
            + " i.action[c.n], i.resource[c.n], i.outcome[c.n], i.http_status[c.n], i.client_address[c.n],"
            + " i.request_id[c.n], i.request_digest[c.n], i.response_digest[c.n], i.summary[c.n], c.prev, c.hash"
            + " FROM chain AS c, input AS i WHERE c.n > 0 ORDER BY c.n RETURNING seq, prev_hash, hash";

    /**
     * Appends the events, in order, as the next links of the chain. With auto-commit on, the append is
     * its own transaction and is committed (durable) when this returns; otherwise it joins the caller's
     * transaction and is durable when the caller commits.
     */
    public List<ChainedEvent> append(Connection connection, List<AuditEvent> events) {
        if (events.size() <= CHUNK) {
            return appendChunk(connection, events);
        }
        // PostgreSQL walks a text array to subscript it: long batches go in chunks, in one transaction
        try {
            boolean ownTransaction = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                var chained = new ArrayList<ChainedEvent>(events.size());
                for (int from = 0; from < events.size(); from += CHUNK) {
                    chained.addAll(
                            appendChunk(connection, events.subList(from, Math.min(events.size(), from + CHUNK))));
                }
                if (ownTransaction) {
                    connection.commit();
                }
                return chained;
            } catch (RuntimeException e) {
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

    private static List<ChainedEvent> appendChunk(Connection connection, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try (var statement = connection.prepareStatement(events.size() == 1 ? APPEND_ONE : APPEND_MANY)) {
            if (events.size() == 1) {
                bindOne(statement, events.get(0));
            } else {
                bindMany(connection, statement, events);
            }
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new SQLException("the append returned nothing");
            }
            var rows = new ArrayList<ChainedEvent>(events.size());
            try (var result = statement.getResultSet()) {
                while (result.next()) {
                    rows.add(new ChainedEvent(
                            result.getLong(1), events.get(0), result.getString(2), result.getString(3)));
                }
            }
            if (rows.size() != events.size()) {
                throw new SQLException("the append returned " + rows.size() + " rows for " + events.size());
            }
            // the rows come back in insertion order in practice; place them by seq all the same
            long first = rows.stream().mapToLong(ChainedEvent::seq).min().orElseThrow();
            var chained = new ChainedEvent[rows.size()];
            for (var row : rows) {
                int index = (int) (row.seq() - first);
                chained[index] = new ChainedEvent(row.seq(), events.get(index), row.prevHash(), row.hash());
            }
            return List.of(chained);
        } catch (SQLException e) {
            throw new AuditException("could not append to the audit log: " + e.getMessage(), e);
        }
    }

    private static void bindOne(PreparedStatement s, AuditEvent e) throws SQLException {
        int i = 1;
        s.setObject(i++, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        s.setString(i++, e.actor());
        s.setString(i++, e.actorType().code());
        s.setString(i++, CanonicalForm.tenant(e.tenant()));
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
        s.setString(i++, e.summary());
        s.setBytes(i, CanonicalForm.content(e));
    }

    private static void bindMany(Connection c, PreparedStatement s, List<AuditEvent> events) throws SQLException {
        int n = events.size();
        var hex = HexFormat.of();
        var content = new String[n];
        var occurredAt = new String[n];
        var actor = new String[n];
        var actorType = new String[n];
        var tenant = new String[n];
        var action = new String[n];
        var resource = new String[n];
        var outcome = new String[n];
        var httpStatus = new Integer[n];
        var clientAddress = new String[n];
        var requestId = new String[n];
        var requestDigest = new String[n];
        var responseDigest = new String[n];
        var summary = new String[n];
        for (int i = 0; i < n; i++) {
            var e = events.get(i);
            content[i] = hex.formatHex(CanonicalForm.content(e));
            occurredAt[i] = CanonicalForm.instant(e.occurredAt());
            actor[i] = e.actor();
            actorType[i] = e.actorType().code();
            tenant[i] = CanonicalForm.tenant(e.tenant());
            action[i] = e.action();
            resource[i] = e.resource();
            outcome[i] = e.outcome();
            httpStatus[i] = e.httpStatus();
            clientAddress[i] = e.clientAddress();
            requestId[i] = e.requestId();
            requestDigest[i] = e.requestDigest();
            responseDigest[i] = e.responseDigest();
            summary[i] = e.summary();
        }
        int i = 1;
        for (var texts : List.of(content, occurredAt, actor, actorType, tenant, action, resource, outcome)) {
            s.setArray(i++, c.createArrayOf("text", texts));
        }
        s.setArray(i++, c.createArrayOf("int4", httpStatus));
        for (var texts : List.of(clientAddress, requestId, requestDigest, responseDigest, summary)) {
            s.setArray(i++, c.createArrayOf("text", texts));
        }
    }
}
