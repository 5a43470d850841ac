package org.citymaas.billing.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PriceCardStoreIT {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private static EmbeddedDatabase database;
    private static DataSource app;

    private final PriceCardStore store = new PriceCardStore();

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

    @Test
    void aCardIsStoredWithEveryRateTierAndWhoAddedIt() throws SQLException {
        var card = PriceCard.forVersion(
                        "stored",
                        "2",
                        YearMonth.of(2026, 3),
                        Rate.graduated(Unit.REQUEST, Tier.upTo("1000", "0.01").withFlatFee("1.5"), Tier.above("0.005"))
                                .withFreeAllowance("100"),
                        Rate.perPackage(Unit.ROW, "500", "0.123456789"),
                        Rate.perUnit(Unit.GPU_SECOND, "0.02"))
                .withMonthlyMinimum("20.00");
        try (var connection = app.getConnection()) {
            store.add(connection, card, "platform-admin", AT);

            var stored = store.all(connection).stream()
                    .filter(s -> s.card().model().equals("stored"))
                    .findFirst()
                    .orElseThrow();
            assertThat(stored.createdBy()).isEqualTo("platform-admin");
            assertThat(stored.createdAt()).isEqualTo(AT);
            assertThat(stored.card().version()).isEqualTo("2");
            assertThat(stored.card().monthlyMinimum()).isEqualByComparingTo("20");
            var request = stored.card().rate(Unit.REQUEST).orElseThrow();
            assertThat(request.freeAllowance()).isEqualByComparingTo("100");
            assertThat(request.tiers()).hasSize(2);
            assertThat(request.tiers().get(0).upTo()).isEqualByComparingTo("1000");
            assertThat(request.tiers().get(0).flatFee()).isEqualByComparingTo("1.5");
            assertThat(request.tiers().get(1).isUnbounded()).isTrue();
            var row = stored.card().rate(Unit.ROW).orElseThrow();
            assertThat(row.packageSize()).isEqualByComparingTo("500");
            assertThat(row.tiers().get(0).unitPrice()).isEqualByComparingTo("0.123456789");
            assertThat(store.book(connection).inForce("stored", "2", YearMonth.of(2026, 4)))
                    .hasValueSatisfying(c -> assertThat(c.rates()).hasSize(3));
        }
    }

    @Test
    void aSecondCardForTheSameModelVersionAndMonthIsRefused() throws SQLException {
        var card = PriceCard.forModel("twice", YearMonth.of(2026, 5), Rate.perUnit(Unit.REQUEST, "0.01"));
        try (var connection = app.getConnection()) {
            store.add(connection, card, "platform-admin", AT);
            assertThatThrownBy(() -> store.add(connection, card, "platform-admin", AT))
                    .isInstanceOf(PriceCardConflictException.class);
            store.add(
                    connection,
                    PriceCard.forModel("twice", YearMonth.of(2026, 6), Rate.perUnit(Unit.REQUEST, "0.02")),
                    "platform-admin",
                    AT);
            assertThat(store.book(connection)
                            .inForce("twice", "1", YearMonth.of(2026, 7))
                            .orElseThrow()
                            .rate(Unit.REQUEST)
                            .orElseThrow()
                            .tiers()
                            .get(0)
                            .unitPrice())
                    .isEqualByComparingTo("0.02");
        }
    }

    @Test
    void theApplicationCannotEditOrDeleteACard() throws SQLException {
        try (var connection = app.getConnection()) {
            store.add(
                    connection,
                    PriceCard.forModel("fixed", YearMonth.of(2026, 5), Rate.perUnit(Unit.REQUEST, "0.01")),
                    "platform-admin",
                    AT);
            for (var sql : new String[] {
                "UPDATE price_card SET monthly_minimum = 1 WHERE model = 'fixed'",
                "DELETE FROM price_tier",
                "UPDATE price_rate SET free_allowance = 5"
            }) {
                assertThatThrownBy(() -> execute(connection, sql))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
