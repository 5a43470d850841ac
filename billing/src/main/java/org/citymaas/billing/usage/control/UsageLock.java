package org.citymaas.billing.usage.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's usage lock, a PostgreSQL transaction-level advisory lock keyed by billing and the
 * department. Recording usage takes it shared (recorders do not block each other); issuing a statement
 * takes it exclusively, so that it waits for every usage insert in flight and no event with a lower
 * {@code seq} can commit after the issue read the usage. Both hold it until their transaction ends.
 */
public final class UsageLock {

    /** The first key of billing's two-key advisory locks: "BILL" in ASCII. */
    public static final int BILLING_KEY = 0x4249_4C4C;

    private UsageLock() {}

    /** Takes the department's lock shared, for this transaction. */
    public static void shared(Connection connection, TenantId tenant) throws SQLException {
        take(connection, "SELECT pg_advisory_xact_lock_shared(?, hashtext(?))", tenant);
    }

    /** Takes the department's lock exclusively, for this transaction, waiting for its holders. */
    public static void exclusive(Connection connection, TenantId tenant) throws SQLException {
        take(connection, "SELECT pg_advisory_xact_lock(?, hashtext(?))", tenant);
    }

    private static void take(Connection connection, String sql, TenantId tenant) throws SQLException {
        try (var lock = connection.prepareStatement(sql)) {
            lock.setInt(1, BILLING_KEY);
            lock.setString(2, tenant.value());
            lock.execute();
        }
    }
}
