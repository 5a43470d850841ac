package org.citymaas.security.audit.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.EventAppender;
import org.citymaas.security.audit.control.GroupCommit;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;

/**
 * Appends events to the tamper-evident audit log. Callers pass content they have already masked:
 * this log stores what it is given and never sees raw personal data only if callers keep to that.
 *
 * <p>Durability: an append on a connection in auto-commit mode runs in its own transaction and has
 * committed when the method returns; on a connection inside a transaction (auto-commit off, as a
 * JTA-enlisted container connection is) it joins that transaction and is durable when the caller
 * commits, together with whatever else the transaction wrote. Appending takes the chain lock until
 * that commit, so append as the last step of the transaction.
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
     * Records one event through the data source. Inside a transaction (the connection comes with
     * auto-commit off) it joins it; otherwise it is written with whatever other callers are recording
     * at the same moment, in one transaction (group commit), committed before this returns.
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

    /** Appends one event on the caller's connection, inside the caller's transaction if one is open. */
    public ChainedEvent append(Connection connection, AuditEvent event) {
        return appender.append(connection, List.of(event)).get(0);
    }

    /** Appends events, in order, on the caller's connection. */
    public List<ChainedEvent> appendAll(Connection connection, List<AuditEvent> events) {
        return appender.append(connection, events);
    }
}
