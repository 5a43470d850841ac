package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.citymaas.security.audit.entity.AuditException;

/**
 * Runs reading work in one read-only REPEATABLE READ transaction: everything it reads comes from the
 * same snapshot, so events appended meanwhile neither appear half-way through nor look like a break.
 * Appends commit in chain order (the chain lock is held until commit), so a snapshot holds the chain up
 * to its head without gaps. The pooled connection goes back as it came.
 */
public final class Snapshot {

    private Snapshot() {}

    /** Runs {@code work} in a snapshot on a connection of {@code dataSource}. */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        try (var connection = dataSource.getConnection()) {
            var isolation = connection.getTransactionIsolation();
            var autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                // a snapshot level left behind makes the next user's concurrent updates fail
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new AuditException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    /** Work on the snapshot's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
