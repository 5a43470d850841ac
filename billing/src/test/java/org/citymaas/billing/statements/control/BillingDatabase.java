package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.billing.pricing.control.PriceCardStore;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.CheckpointLocator;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.usage.control.UsageLedger;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;

/** An embedded, migrated PostgreSQL with the demo departments, used as the application's role. */
final class BillingDatabase implements AutoCloseable {

    /** A checkpoint every test request is covered by. */
    static final Statement.CheckpointRef CHECKPOINT = new Statement.CheckpointRef(42, "ab".repeat(32));

    static final CheckpointLocator LOCATOR = (tenant, requestId) -> Optional.of(CHECKPOINT);

    private final EmbeddedDatabase database;
    final DataSource app;
    final DataSource owner;

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    BillingDatabase() {
        database = EmbeddedDatabase.startTemporary();
        Migrations.migrate(database.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, true);
        app = database.dataSource(Migrations.DEFAULT_APP_ROLE);
        owner = database.ownerDataSource();
    }

    /** Runs the work in one transaction of the application's role and commits it. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (var connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    void record(List<UsageEvent> events) throws SQLException {
        var ledger = new UsageLedger();
        inTransaction(c -> {
            for (var event : events) {
                ledger.record(c, event);
            }
            return null;
        });
    }

    /** Adds a department of its own for a test. */
    void department(String slug) throws SQLException {
        inTransaction(c -> {
            try (var insert = c.prepareStatement("INSERT INTO department (id, slug, name_zh, name_en, status,"
                    + " created_at) VALUES (gen_random_uuid(), ?, ?, ?, 'ACTIVE', now())")) {
                insert.setString(1, slug);
                insert.setString(2, "部门" + slug);
                insert.setString(3, slug);
                return insert.executeUpdate();
            }
        });
    }

    /** Adds a price card as a platform admin would. */
    void card(PriceCard card) throws SQLException {
        inTransaction(c -> new PriceCardStore().add(c, card, "platform-admin", Instant.parse("2020-01-01T00:00:00Z")));
    }

    static UsageEvent event(
            String tenant,
            String requestId,
            String model,
            String version,
            int rows,
            String millis,
            String device,
            Instant at) {
        return new UsageEvent(
                new TenantId(tenant),
                requestId,
                tenant + "-api",
                model,
                version,
                rows,
                new BigDecimal(millis),
                device,
                "OK",
                at,
                null);
    }

    static BillingAccount account(String tenant) {
        return new BillingAccount(new TenantId(tenant), "部门" + tenant, tenant, "CC-" + tenant, tenant + "-holder");
    }

    @Override
    public void close() {
        database.close();
    }
}
