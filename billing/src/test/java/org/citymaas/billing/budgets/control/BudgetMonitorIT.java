package org.citymaas.billing.budgets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.citymaas.billing.budgets.entity.AlertEvent;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlert;
import org.citymaas.billing.budgets.entity.BudgetAlertKind;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Portal instances evaluating the same crossing at once, each in its own transaction: one of them fires it. */
class BudgetMonitorIT {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    /** The month's first day in Shanghai: no forecast, only the actual cost alerts. */
    private static final Instant FIRST_DAY = Instant.parse("2026-10-31T18:00:00Z");

    private static EmbeddedDatabase database;
    private static DataSource app;

    private final BudgetMonitor monitor = new BudgetMonitor();

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedDatabase.startTemporary();
        Migrations.migrate(database.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, false);
        app = database.dataSource(Migrations.DEFAULT_APP_ROLE);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private static TenantId departmentWithBudget(String cny) throws SQLException {
        var tenant = new TenantId("budget-" + UUID.randomUUID().toString().substring(0, 8));
        try (var connection = app.getConnection()) {
            try (var insert = connection.prepareStatement("INSERT INTO department (id, slug, name_zh, name_en, status,"
                    + " created_at) VALUES (?, ?, '预算测试局', 'Budget test bureau', 'ACTIVE', ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, tenant.value());
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            new BudgetStore()
                    .save(
                            connection,
                            new Budget(tenant, new BigDecimal(cny), EnforcementMode.SOFT, "finance-admin", FIRST_DAY));
        }
        return tenant;
    }

    @Test
    void aSecondInstanceWaitingOnTheFirstFiresNothingOnceTheFirstCommits() throws Exception {
        var tenant = departmentWithBudget("1000");
        var executor = Executors.newSingleThreadExecutor();
        try (var first = app.getConnection();
                var second = app.getConnection();
                var observer = app.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            var firstFired = monitor.evaluate(first, tenant, NOVEMBER, new BigDecimal("600"), FIRST_DAY);

            var secondPid = backendPid(second);
            Future<List<BudgetAlert>> secondFired =
                    executor.submit(() -> monitor.evaluate(second, tenant, NOVEMBER, new BigDecimal("600"), FIRST_DAY));
            awaitLockWait(observer, secondPid);
            first.commit();
            var secondResult = secondFired.get(10, TimeUnit.SECONDS);
            second.commit();

            assertThat(firstFired)
                    .extracting(BudgetAlert::kind, BudgetAlert::event)
                    .containsExactly(tuple(BudgetAlertKind.ACTUAL_50, AlertEvent.FIRED));
            assertThat(secondResult)
                    .as("the second instance saw the first one's firing")
                    .isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void manyInstancesCrossingAtOnceFireEachThresholdOnceInTotal() throws Exception {
        var tenant = departmentWithBudget("1000");
        var instances = 6;
        var barrier = new CyclicBarrier(instances);
        var executor = Executors.newFixedThreadPool(instances);
        try {
            var results = new ArrayList<Future<List<BudgetAlert>>>();
            for (var i = 0; i < instances; i++) {
                results.add(executor.submit(() -> {
                    try (var connection = app.getConnection()) {
                        connection.setAutoCommit(false);
                        barrier.await(10, TimeUnit.SECONDS);
                        var fired = monitor.evaluate(connection, tenant, NOVEMBER, new BigDecimal("1000"), FIRST_DAY);
                        connection.commit();
                        return fired;
                    }
                }));
            }
            var all = new ArrayList<BudgetAlert>();
            for (var result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(all)
                    .extracting(BudgetAlert::kind)
                    .containsExactlyInAnyOrder(
                            BudgetAlertKind.ACTUAL_50, BudgetAlertKind.ACTUAL_80, BudgetAlertKind.ACTUAL_100);
            assertThat(all).extracting(BudgetAlert::event).containsOnly(AlertEvent.FIRED);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRolledBackFiringFiresAgainAtTheNextEvaluation() throws SQLException {
        var tenant = departmentWithBudget("1000");
        try (var connection = app.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(monitor.evaluate(connection, tenant, NOVEMBER, new BigDecimal("500"), FIRST_DAY))
                    .hasSize(1);
            connection.rollback();
            assertThat(monitor.evaluate(connection, tenant, NOVEMBER, new BigDecimal("500"), FIRST_DAY))
                    .as("the audit write failed and took the firing with it: it is not lost")
                    .hasSize(1);
            connection.commit();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (var pid = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static void awaitLockWait(Connection observer, int pid) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        try (var query = observer.prepareStatement("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
            query.setInt(1, pid);
            while (Instant.now().isBefore(deadline)) {
                try (var result = query.executeQuery()) {
                    if (result.next() && "Lock".equals(result.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second evaluation never waited for the first one's row lock");
    }
}
