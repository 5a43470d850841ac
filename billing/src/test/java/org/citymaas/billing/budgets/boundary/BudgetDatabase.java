package org.citymaas.billing.budgets.boundary;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The budget tests' database: a temporary PostgreSQL, migrated without the demo data, started before a test
 * class's first test and stopped after its last ({@code @RegisterExtension static final BudgetDatabase DB}),
 * used as the application's role; and the departments and budgets those tests make for themselves.
 */
final class BudgetDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedDatabase database;
    private DataSource app;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = EmbeddedDatabase.startTemporary();
        Migrations.migrate(database.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, false);
        app = database.dataSource(Migrations.DEFAULT_APP_ROLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    /** The boundary on this database, as the container would inject it. */
    Budgets budgets() {
        var budgets = new Budgets();
        budgets.dataSource = app;
        return budgets;
    }

    /** A department of its own for a test. */
    TenantId department() throws SQLException {
        var slug = "budget-" + UUID.randomUUID().toString().substring(0, 8);
        try (var connection = app.getConnection();
                var insert = connection.prepareStatement("INSERT INTO department (id, slug, name_zh, name_en, status,"
                        + " created_at) VALUES (?, ?, '预算测试局', 'Budget test bureau', 'ACTIVE', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, slug);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return new TenantId(slug);
    }

    /** A monthly budget of {@code cny} set by the finance admin. */
    static Budget budget(TenantId tenant, String cny, EnforcementMode mode) {
        return new Budget(tenant, new BigDecimal(cny), mode, "finance-admin", Instant.parse("2026-10-30T00:00:00Z"));
    }
}
