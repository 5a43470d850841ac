package org.citymaas.portal.it;

import java.sql.SQLException;
import org.citymaas.portal.devstack.TestStack;

/**
 * Reads the test stack's database directly (as its owner), to check what the portal wrote: audit
 * events, limits; and writes what the API cannot (a job that finished long ago).
 */
final class TestDatabase {

    private TestDatabase() {}

    /** The number a {@code SELECT count(*) ...} answers. */
    static long count(String sql, Object... parameters) {
        var value = first(sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The first column of the first row, as text; null when there is no row. */
    static String first(String sql, Object... parameters) {
        try (var connection = TestStack.start().database().ownerDataSource().getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs one INSERT or UPDATE as the owner and returns how many rows it changed: data the API cannot
     * make, such as a job that finished weeks ago.
     */
    static int execute(String sql, Object... parameters) {
        try (var connection = TestStack.start().database().ownerDataSource().getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many audit events an actor has with an action on a resource. */
    static long auditEvents(String actor, String action, String resource) {
        return count(
                "SELECT count(*) FROM audit_event WHERE actor = ? AND action = ? AND resource = ?",
                actor,
                action,
                resource);
    }

    /** Statements against the database's open connection, in one transaction. */
    @FunctionalInterface
    interface Work {
        void run(java.sql.Connection connection) throws SQLException;
    }

    /**
     * Test-only tampering: runs the work in one transaction as an insider who is superuser and has
     * switched the audit log's append-only triggers off for the session (replica role), holding the
     * chain's append lock so that no event is appended meanwhile.
     */
    static void asInsider(Work work) {
        try (var connection = TestStack.start().database().ownerDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var s = connection.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("SELECT pg_advisory_xact_lock(" + org.citymaas.security.audit.control.EventAppender.CHAIN_LOCK
                        + ")");
            }
            work.run(connection);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
