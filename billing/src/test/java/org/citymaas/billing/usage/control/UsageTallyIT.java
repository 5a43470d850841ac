package org.citymaas.billing.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.billing.usage.entity.DailyUsage;
import org.citymaas.billing.usage.entity.ModelUsage;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsageTallyIT {

    private static EmbeddedDatabase database;
    private static DataSource app;

    private final UsageLedger ledger = new UsageLedger();
    private final UsageTally tally = new UsageTally();

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedDatabase.startTemporary();
        Migrations.migrate(database.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, true);
        app = database.dataSource(Migrations.DEFAULT_APP_ROLE);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private void record(String tenant, String model, int rows, String millis, String at) throws SQLException {
        try (var connection = app.getConnection()) {
            ledger.record(
                    connection,
                    new UsageEvent(
                            new TenantId(tenant),
                            UUID.randomUUID().toString(),
                            tenant + "-api",
                            model,
                            "1",
                            rows,
                            new BigDecimal(millis),
                            "cpu()",
                            "OK",
                            Instant.parse(at),
                            null));
        }
    }

    @Test
    void countsPerModelPerDayInShanghaiTime() throws SQLException {
        // 2026-03-31T16:30Z is already 1 April in Shanghai: it belongs to April, not March
        record("education", "education-score-predict", 2, "1.500", "2026-03-31T16:30:00Z");
        record("education", "education-score-predict", 3, "2.000", "2026-04-01T03:00:00Z");
        record("education", "education-score-predict", 1, "0.250", "2026-04-02T15:59:59Z");
        record("education", "traffic-flow-forecast", 1, "0.125", "2026-04-02T16:00:00Z");
        record("education", "education-score-predict", 9, "9.000", "2026-03-31T15:59:59Z");
        record("health", "education-score-predict", 7, "7.000", "2026-04-01T03:00:00Z");

        try (var connection = app.getConnection()) {
            var april = tally.month(connection, new TenantId("education"), YearMonth.of(2026, 4));

            assertThat(april.days())
                    .containsExactly(
                            new DailyUsage(
                                    LocalDate.of(2026, 4, 1), "education-score-predict", 2, 5, new BigDecimal("3.500")),
                            new DailyUsage(
                                    LocalDate.of(2026, 4, 2), "education-score-predict", 1, 1, new BigDecimal("0.250")),
                            new DailyUsage(
                                    LocalDate.of(2026, 4, 3), "traffic-flow-forecast", 1, 1, new BigDecimal("0.125")));
            assertThat(april.totals())
                    .containsExactly(
                            new ModelUsage("education-score-predict", 3, 6, new BigDecimal("3.750")),
                            new ModelUsage("traffic-flow-forecast", 1, 1, new BigDecimal("0.125")));
            assertThat(tally.month(connection, new TenantId("education"), YearMonth.of(2026, 3))
                            .days())
                    .extracting(DailyUsage::day, DailyUsage::requests)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 31), 1L));
            assertThat(tally.months(connection, new TenantId("education"), YearMonth.of(2026, 6)))
                    .as("months with usage and the current one, newest first")
                    .containsExactly(YearMonth.of(2026, 6), YearMonth.of(2026, 4), YearMonth.of(2026, 3));
        }
    }

    @Test
    void aDepartmentWithoutUsageHasAnEmptyMonthAndOnlyTheCurrentMonth() throws SQLException {
        try (var connection = app.getConnection()) {
            assertThat(tally.month(connection, new TenantId("environment"), YearMonth.of(2026, 11))
                            .days())
                    .isEmpty();
            assertThat(tally.months(connection, new TenantId("environment"), YearMonth.of(2026, 11)))
                    .containsExactly(YearMonth.of(2026, 11));
        }
    }
}
