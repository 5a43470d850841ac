package org.citymaas.tenant.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuotaLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @RegisterExtension
    static final QuotaDatabase DB = new QuotaDatabase();

    private final QuotaLedger ledger = new QuotaLedger();

    private void limit(String tenant, String model, long requests, long rows) throws SQLException {
        DB.limit(new TenantId(tenant), model, requests, rows, NOW);
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void twoHundredConcurrentRequestsAgainstAQuotaOfFiftyGiveExactlyFifty() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("transport", model, 50, 1_000_000);
        var granted = new AtomicInteger();
        var refused = new AtomicInteger();
        QuotaDatabase.concurrently(16, 200, i -> () -> {
            try (var connection = DB.connection()) {
                ledger.reserve(connection, new TenantId("transport"), model, 1, NOW);
                granted.incrementAndGet();
            } catch (QuotaExceededException e) {
                refused.incrementAndGet();
            }
            return null;
        });

        assertThat(granted).hasValue(50);
        assertThat(refused).hasValue(150);
        try (var connection = DB.connection()) {
            var status = ledger.status(connection, new TenantId("transport"), model, NOW);
            assertThat(status.requestsUsed()).isEqualTo(50);
            assertThat(status.requestsLeft()).contains(0L);
        }
    }

    @Test
    void anExhaustedQuotaSaysWhenItResets() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("education", model, 1, 100);
        try (var connection = DB.connection()) {
            ledger.reserve(connection, new TenantId("education"), model, 1, NOW);

            assertThatThrownBy(() -> ledger.reserve(connection, new TenantId("education"), model, 1, NOW))
                    .isInstanceOf(QuotaExceededException.class)
                    .hasMessageContaining("request quota")
                    .satisfies(e -> assertThat(((QuotaExceededException) e).resetsAt())
                            .isEqualTo(Instant.parse("2026-11-30T16:00:00Z")));
        }
    }

    @Test
    void aBatchBeyondTheRowLimitIsRefusedAndTakesNothing() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("health", model, 100, 10);
        try (var connection = DB.connection()) {
            assertThatThrownBy(() -> ledger.reserve(connection, new TenantId("health"), model, 11, NOW))
                    .isInstanceOf(QuotaExceededException.class)
                    .hasMessageContaining("row quota");

            var status = ledger.status(connection, new TenantId("health"), model, NOW);
            assertThat(status.requestsUsed()).isZero();
            assertThat(status.rowsUsed()).isZero();
        }
    }

    @Test
    void aReleasedReservationIsGivenBackAndASettlementKeepsOnlyTheRowsProcessed() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("environment", model, 2, 100);
        try (var connection = DB.connection()) {
            var failed = ledger.reserve(connection, new TenantId("environment"), model, 40, NOW);
            ledger.release(connection, failed);
            var batch = ledger.reserve(connection, new TenantId("environment"), model, 40, NOW);
            ledger.settle(connection, batch, 37);

            var status = ledger.status(connection, new TenantId("environment"), model, NOW);
            assertThat(status.requestsUsed()).isEqualTo(1);
            assertThat(status.rowsUsed()).isEqualTo(37);
            assertThat(status.rowsLeft()).contains(63L);
        }
    }

    @Test
    void aModelWithoutLimitsIsCountedButNeverRefused() throws Exception {
        var model = QuotaDatabase.newModel();
        try (var connection = DB.connection()) {
            for (int i = 0; i < 5; i++) {
                ledger.reserve(connection, new TenantId("hotline"), model, 1000, NOW);
            }

            var status = ledger.status(connection, new TenantId("hotline"), model, NOW);
            assertThat(status.requestsUsed()).isEqualTo(5);
            assertThat(status.limit()).isEmpty();
        }
    }

    @Test
    void nextMonthStartsFromZero() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("transport", model, 1, 10);
        try (var connection = DB.connection()) {
            ledger.reserve(connection, new TenantId("transport"), model, 1, NOW);
            var december = Instant.parse("2026-11-30T16:00:00Z");

            ledger.reserve(connection, new TenantId("transport"), model, 1, december);

            assertThat(ledger.status(connection, new TenantId("transport"), model, december)
                            .requestsUsed())
                    .isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void concurrentChunksOfTenRequestsAgainstAQuotaOfNinetyFiveTakeExactlyNineChunksAndSplitNone() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("transport", model, 95, 1_000_000);
        var granted = new AtomicInteger();
        var refused = new AtomicInteger();
        QuotaDatabase.concurrently(8, 20, i -> () -> {
            try (var connection = DB.connection()) {
                var chunk = ledger.reserveEach(
                        connection, new TenantId("transport"), model, java.util.Collections.nCopies(10, 2L), NOW);
                assertThat(chunk)
                        .hasSize(10)
                        .allSatisfy(r -> assertThat(r.rows()).isEqualTo(2));
                granted.incrementAndGet();
            } catch (QuotaExceededException e) {
                refused.incrementAndGet();
            }
            return null;
        });

        assertThat(granted).hasValue(9);
        assertThat(refused).hasValue(11);
        try (var connection = DB.connection()) {
            var status = ledger.status(connection, new TenantId("transport"), model, NOW);
            assertThat(status.requestsUsed())
                    .as("each line a request of its own")
                    .isEqualTo(90);
            assertThat(status.rowsUsed()).isEqualTo(180);
        }
    }

    @Test
    void aChunkBeyondTheRowLimitTakesNothingAndEachOfItsReservationsIsReleasedOnItsOwn() throws Exception {
        var model = QuotaDatabase.newModel();
        limit("health", model, 100, 10);
        try (var connection = DB.connection()) {
            var tenant = new TenantId("health");
            assertThatThrownBy(() -> ledger.reserveEach(connection, tenant, model, List.of(4L, 4L, 4L), NOW))
                    .isInstanceOf(QuotaExceededException.class)
                    .hasMessageContaining("row quota");
            assertThat(ledger.status(connection, tenant, model, NOW).requestsUsed())
                    .isZero();

            var chunk = ledger.reserveEach(connection, tenant, model, List.of(3L, 4L, 2L), NOW);
            ledger.release(connection, chunk.get(1));
            ledger.settle(connection, chunk.get(0), 3);
            ledger.settle(connection, chunk.get(2), 2);

            var status = ledger.status(connection, tenant, model, NOW);
            assertThat(status.requestsUsed()).isEqualTo(2);
            assertThat(status.rowsUsed()).isEqualTo(5);
            assertThat(ledger.reserveEach(connection, tenant, model, List.of(), NOW))
                    .isEmpty();
        }
    }
}
