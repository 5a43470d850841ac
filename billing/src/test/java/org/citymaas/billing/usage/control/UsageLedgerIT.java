package org.citymaas.billing.usage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
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

    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER_DIGEST = "d9298a10d1b0735837dc4bd85dac641b0f3cef27a47e5d53a54f2f3f5b2fcffa";

    private static UsageEvent event(String requestId, int rows) {
        return event(requestId, rows, DIGEST);
    }

    private static UsageEvent event(String requestId, int rows, String digest) {
        return new UsageEvent(
                new TenantId("transport"),
                requestId,
                "transport-api",
                "traffic-flow-forecast",
                "1",
                rows,
                new BigDecimal("0.125"),
                "cpu()",
                "OK",
                Instant.parse("2026-11-25T08:00:00Z"),
                digest);
    }

    @Test
    void aRetryWithTheSameRequestIdIsRecordedOnce() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            assertThat(ledger.record(connection, event(requestId, 3))).isTrue();
            assertThat(ledger.record(connection, event(requestId, 3))).isFalse();

            var stored = ledger.find(connection, new TenantId("transport"), requestId)
                    .orElseThrow();
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
    void aBatchRecordsEachEventOnceAndSaysWhichWereWritten() throws SQLException {
        var charged = UUID.randomUUID().toString();
        var fresh = UUID.randomUUID().toString();
        var twice = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            ledger.record(connection, event(charged, 1));

            var written = ledger.recordAll(
                    connection,
                    List.of(event(fresh, 2), event(charged, 7), event(twice, 3), event(twice, 9, OTHER_DIGEST)));

            assertThat(written).containsExactly(true, false, true, false);
            var stored = ledger.findAll(connection, new TenantId("transport"), List.of(charged, fresh, twice));
            assertThat(stored.get(charged).rows())
                    .as("the one charged before keeps its rows")
                    .isEqualTo(1);
            assertThat(stored.get(fresh).rows()).isEqualTo(2);
            assertThat(stored.get(twice).rows())
                    .as("the first of the batch wins")
                    .isEqualTo(3);
            assertThat(stored.get(twice).requestDigest()).isEqualTo(DIGEST);
            assertThat(ledger.recordAll(connection, List.of())).isEmpty();
        }
    }

    @Test
    void findsWhatEachOfSeveralRequestIdsOfTheDepartmentWasCharged() throws SQLException {
        var first = UUID.randomUUID().toString();
        var second = UUID.randomUUID().toString();
        var never = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            ledger.record(connection, event(first, 1));
            ledger.record(connection, event(second, 4, OTHER_DIGEST));

            var charged = ledger.findAll(connection, new TenantId("transport"), List.of(first, second, never));
            assertThat(charged).containsOnlyKeys(first, second);
            assertThat(charged.get(first).rows()).isEqualTo(1);
            assertThat(charged.get(second).rows()).isEqualTo(4);
            assertThat(charged.get(second).requestDigest()).isEqualTo(OTHER_DIGEST);
            assertThat(charged.get(second).computeMillis()).isEqualByComparingTo("0.125");
            assertThat(ledger.findAll(connection, new TenantId("education"), List.of(first, second)))
                    .as("another department's request ids are not this one's")
                    .isEmpty();
            assertThat(ledger.findAll(connection, new TenantId("transport"), List.of()))
                    .isEmpty();
        }
    }

    @Test
    void theRequestDigestIsKeptAndTheFirstRequestsDigestWins() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            assertThat(ledger.record(connection, event(requestId, 2, DIGEST))).isTrue();
            assertThat(ledger.record(connection, event(requestId, 5, OTHER_DIGEST)))
                    .isFalse();

            var stored = ledger.find(connection, new TenantId("transport"), requestId)
                    .orElseThrow();
            assertThat(stored.requestDigest()).isEqualTo(DIGEST);
            assertThat(stored.rows()).isEqualTo(2);
            assertThat(stored.retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST))
                    .isTrue();
            assertThat(stored.retriedBy("transport-api", "traffic-flow-forecast", 5, OTHER_DIGEST))
                    .isFalse();
        }
    }

    @Test
    void anEventWithoutADigestReadsBackWithout() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            ledger.record(connection, event(requestId, 1, null));

            assertThat(ledger.find(connection, new TenantId("transport"), requestId)
                            .orElseThrow()
                            .requestDigest())
                    .isNull();
        }
    }

    @Test
    void theDatabaseRefusesADigestThatIsNotSha256Hex() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            assertThatThrownBy(() -> connection
                            .createStatement()
                            .executeUpdate("INSERT INTO usage_event (tenant_id, request_id, caller, model,"
                                    + " model_version, rows, compute_ms, device, outcome, occurred_at, period,"
                                    + " request_digest) VALUES ('transport', '" + requestId + "', 'transport-api',"
                                    + " 'traffic-flow-forecast', '1', 1, 0, 'cpu()', 'OK', now(), '2026-11-01',"
                                    + " 'not-a-digest')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("check constraint");
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
    void anExplanationIsRecordedAsOneAndIsNoRetryOfAnInference() throws SQLException {
        var requestId = UUID.randomUUID().toString();
        var explanation = new UsageEvent(
                new TenantId("transport"),
                requestId,
                "transport-api",
                "traffic-flow-forecast",
                "1",
                2,
                new BigDecimal("12.5"),
                "cpu()",
                "OK",
                Instant.parse("2026-11-25T08:00:00Z"),
                DIGEST,
                UsageKind.EXPLAIN);
        try (var connection = app.getConnection()) {
            assertThat(ledger.record(connection, explanation)).isTrue();

            var stored = ledger.find(connection, new TenantId("transport"), requestId)
                    .orElseThrow();
            assertThat(stored.kind()).isEqualTo(UsageKind.EXPLAIN);
            assertThat(stored.retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST, UsageKind.EXPLAIN))
                    .isTrue();
            assertThat(stored.retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST))
                    .as("an inference under an explanation's id is another request")
                    .isFalse();
        }
        var inference = UUID.randomUUID().toString();
        try (var connection = app.getConnection()) {
            ledger.record(connection, event(inference, 1));
            assertThat(ledger.find(connection, new TenantId("transport"), inference)
                            .orElseThrow()
                            .kind())
                    .isEqualTo(UsageKind.INFER);
            assertThatThrownBy(() -> connection
                            .createStatement()
                            .executeUpdate("INSERT INTO usage_event (tenant_id, request_id, caller, model,"
                                    + " model_version, rows, compute_ms, device, outcome, occurred_at, period,"
                                    + " kind) VALUES ('transport', '" + UUID.randomUUID() + "', 'transport-api',"
                                    + " 'traffic-flow-forecast', '1', 1, 0, 'cpu()', 'OK', now(), '2026-11-01',"
                                    + " 'TRAIN')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("check constraint");
        }
    }

    @Test
    void aBlankRequestIdIsRefused() {
        assertThatThrownBy(() -> event(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
