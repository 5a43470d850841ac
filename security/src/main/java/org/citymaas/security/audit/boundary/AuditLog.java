package org.citymaas.security.audit.boundary;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.ActivityCounts;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.EventAppender;
import org.citymaas.security.audit.control.EventSearch;
import org.citymaas.security.audit.control.GroupCommit;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditCursor;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.AuditPage;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.DepartmentActivity;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Appends events to the tamper-evident audit log, searches it, and reads an actor's events back. Callers pass
 * content they have already masked: this log stores what it is given and never sees raw personal
 * data only if callers keep to that.
 *
 * <p>Durability: every write takes its connection from the data source. Inside a JTA transaction the
 * container hands out the transaction's connection (auto-commit off): the append joins that
 * transaction and is durable when it commits, together with whatever else it wrote. Outside one the
 * append runs in a transaction of its own and has committed when the method returns. Appending takes
 * the chain lock until that commit, so append as the last step of the transaction.
 */
public class AuditLog {

    private final DataSource dataSource;
    private final EventAppender appender = new EventAppender();
    private final GroupCommit groupCommit = new GroupCommit(appender);

    /** @param dataSource connections as the application's role (SELECT, INSERT on the audit tables) */
    public AuditLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Records one event through the data source. Inside a transaction it joins it; otherwise it is
     * written with whatever other callers are recording at the same moment, in one transaction (group
     * commit), committed before this returns.
     */
    public ChainedEvent record(AuditEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    /** Records events, in order and without others' events between them, like {@link #record}. */
    public List<ChainedEvent> recordAll(List<AuditEvent> events) {
        try (var connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                return appender.append(connection, events);
            }
            return groupCommit.append(connection, events);
        } catch (SQLException e) {
            throw new AuditException("could not reach the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * Appends one event as the last step of the current transaction, which commits or rolls it back
     * with everything else it wrote; with no transaction open, in one of its own.
     */
    public ChainedEvent append(AuditEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Appends events, in order and without others' events between them, like {@link #append}. */
    public List<ChainedEvent> appendAll(List<AuditEvent> events) {
        try (var connection = dataSource.getConnection()) {
            return appender.append(connection, events);
        } catch (SQLException e) {
            throw new AuditException("could not reach the audit log: " + e.getMessage(), e);
        }
    }

    /** The actor's newest events of the action in the department, newest first, at most {@code limit}. */
    public List<ChainedEvent> eventsOf(String actor, ActorType actorType, TenantId tenant, String action, int limit) {
        try (var connection = dataSource.getConnection()) {
            return ChainReader.ofActor(connection, actor, actorType, tenant, action, limit);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * Where each of the department's request ids first had the action end with the outcome: the seq of
     * that event, by request id (ids that never did are absent). Request ids are the department's, so
     * every caller's events count.
     */
    public Map<String, Long> firstOutcomes(
            TenantId tenant, String action, String outcome, Collection<String> requestIds) {
        try (var connection = dataSource.getConnection()) {
            return ChainReader.firstOf(connection, tenant, action, outcome, requestIds);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    /** The event at chain position {@code seq}, if the chain holds it (still online). */
    public Optional<ChainedEvent> event(long seq) {
        try (var connection = dataSource.getConnection();
                var events = ChainReader.events(connection, seq, seq)) {
            return events.hasNext() ? Optional.of(events.next()) : Optional.empty();
        } catch (SQLException e) {
            throw new AuditException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * A page of the events matching the query, newest first (by chain position). Pass the previous
     * page's {@link AuditPage#nextCursor()} for the next one, null for the first: paging down from a
     * first page sees every event that matched when it was read exactly once, however many are appended
     * meanwhile (they land above it).
     *
     * @param cursor a token a search with the same filters handed out, or null for the newest events
     * @throws org.citymaas.security.audit.entity.InvalidCursorException the cursor is garbled, edited or
     *     another search's
     */
    public AuditPage search(AuditQuery query, String cursor) {
        Objects.requireNonNull(query, "query");
        var position = cursor == null ? null : AuditCursor.parse(cursor, query);
        try (var connection = dataSource.getConnection()) {
            return EventSearch.page(connection, query, position);
        } catch (SQLException e) {
            throw new AuditException("could not search the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * The department's events in {@code from <= occurred_at < to} counted by action, outcome and HTTP
     * status in the database, and its administrative changes, oldest first, at most {@code limit}.
     */
    public DepartmentActivity activity(TenantId department, Instant from, Instant to, int limit) {
        Objects.requireNonNull(department, "department");
        try (var connection = dataSource.getConnection()) {
            return ActivityCounts.of(connection, department, from, to, limit);
        } catch (SQLException e) {
            throw new AuditException("could not count the audit log: " + e.getMessage(), e);
        }
    }
}
