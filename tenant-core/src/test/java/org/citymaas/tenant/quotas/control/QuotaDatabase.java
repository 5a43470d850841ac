package org.citymaas.tenant.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.QuotaLimit;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;
import org.citymaas.tenant.quotas.entity.QuotaSettlement;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The quota tests' database: a temporary PostgreSQL, migrated with the demo data, started before a test
 * class's first test and stopped after its last ({@code @RegisterExtension static final QuotaDatabase DB}),
 * used as the application's role; and what those tests do with it the same way (limits, reservations
 * in transactions of their own, this month's usage row).
 */
final class QuotaDatabase implements BeforeAllCallback, AfterAllCallback {

    private final QuotaLedger ledger = new QuotaLedger();
    private EmbeddedDatabase database;
    private DataSource app;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = EmbeddedDatabase.startTemporary();
        Migrations.migrate(database.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, true);
        app = database.dataSource(Migrations.DEFAULT_APP_ROLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    /** A connection of the application's role, in auto-commit. */
    Connection connection() throws SQLException {
        return app.getConnection();
    }

    /** A transaction of its own, committed when the work returns, as the container's REQUIRES_NEW. */
    <T> T inNew(LeaseHolder.SqlWork<T> work) {
        try (var connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A model name no other test uses. */
    static String newModel() {
        return "model-" + System.nanoTime();
    }

    void limit(TenantId tenant, String model, long requests, long rows, Instant at) throws SQLException {
        try (var connection = app.getConnection()) {
            ledger.setLimit(connection, tenant, model, new QuotaLimit(requests, rows), "platform-admin", at);
        }
    }

    Reservation reserve(LeaseHolder holder, TenantId tenant, String model, long rows) {
        return inNew(c -> holder.reserve(c, tenant, model, rows, Instant.now()));
    }

    void settle(LeaseHolder holder, Reservation reservation, long rows) {
        inNew(c -> {
            holder.settle(c, List.of(new QuotaSettlement(reservation, rows)));
            return null;
        });
    }

    /** Reserves and settles in two transactions, as the inference path does; false when refused. */
    boolean serve(LeaseHolder holder, TenantId tenant, String model, long rows) {
        Reservation reservation;
        try {
            reservation = reserve(holder, tenant, model, rows);
        } catch (QuotaExceededException e) {
            return false;
        }
        settle(holder, reservation, rows);
        return true;
    }

    /**
     * Runs the calls, {@code call} of 0 to {@code calls - 1}, on {@code threads} threads at once and waits for
     * every one (a call that throws fails the test), then for the pool to end.
     */
    static void concurrently(int threads, int calls, IntFunction<Callable<Void>> call) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < calls; i++) {
            tasks.add(call.apply(i));
        }
        for (var future : pool.invokeAll(tasks)) {
            future.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * This month's row of a query of a tenant's model (its parameters: tenant, model, the month's first
     * day), each column read as a number; the row must be there.
     */
    long[] thisMonth(String sql, TenantId tenant, String model) throws SQLException {
        try (var connection = app.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setString(1, tenant.value());
            select.setString(2, model);
            select.setDate(3, Date.valueOf(QuotaPeriod.containing(Instant.now()).firstDay()));
            try (var result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                var row = new long[result.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = result.getLong(i + 1);
                }
                return row;
            }
        }
    }
}
