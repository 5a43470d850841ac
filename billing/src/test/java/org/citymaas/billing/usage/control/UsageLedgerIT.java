package org.citymaas.billing.usage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsageLedgerIT {

    private static EmbeddedDatabase database;
    private static DataSource app;

    private final UsageLedger ledger = new UsageLedger();

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

    private static UsageEvent event(String requestId, int rows) {
        return new UsageEvent(
                "transport",
                requestId,
                "transport-api",
                "traffic-flow-forecast",
                "1",
                rows,
                new BigDecimal("0.125"),
                "cpu()",
                "OK",
                Instant.parse("2026-11-25T08:00:00Z"));
    }

    @Test
    void aRetryWithTheSameRequestIdIsRecordedOnce() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            assertThat(ledger.record(connection, event(requestId, 3))).isTrue();
            assertThat(ledger.record(connection, event(requestId, 3))).isFalse();

            var stored = ledger.find(connection, "transport", requestId).orElseThrow();
            assertThat(stored.rows()).isEqualTo(3);
            assertThat(stored.computeMillis()).isEqualByComparingTo("0.125");
            try (var count = connection
                    .createStatement()
                    .executeQuery("SELECT count(*) FROM usage_event WHERE request_id = '" + requestId + "'")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void theApplicationCannotRewriteUsage() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            ledger.record(connection, event(requestId, 1));

            assertThatThrownBy(() -> connection
                            .createStatement()
                            .executeUpdate("UPDATE usage_event SET rows = 0 WHERE request_id = '" + requestId + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void aBlankRequestIdIsRefused() {
        assertThatThrownBy(() -> event(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
