package org.citymaas.billing.budgets.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Setting budgets on real PostgreSQL, and what a HARD budget blocks. */
class BudgetSettingsIT {

    static EmbeddedDatabase database;
    static DataSource app;

    private final Budgets budgets = new Budgets();

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

    BudgetSettingsIT() {
        budgets.dataSource = app;
    }

    static TenantId department() throws SQLException {
        return TestDepartments.create(app);
    }

    static Budget budget(TenantId tenant, String cny, EnforcementMode mode) {
        return new Budget(tenant, new BigDecimal(cny), mode, "finance-admin", Instant.parse("2026-10-30T00:00:00Z"));
    }

    @Test
    void aHardBudgetBlocksFromTheBudgetOnAndASoftOneNever() throws SQLException {
        var hard = department();
        budgets.set(budget(hard, "1000", EnforcementMode.HARD));
        assertThat(budgets.blocks(hard, new BigDecimal("999.99"))).isFalse();
        assertThat(budgets.blocks(hard, new BigDecimal("1000"))).isTrue();
        assertThat(budgets.blocks(hard, new BigDecimal("1200"))).isTrue();

        var soft = department();
        budgets.set(budget(soft, "1000", EnforcementMode.SOFT));
        assertThat(budgets.blocks(soft, new BigDecimal("1200"))).isFalse();

        assertThat(budgets.blocks(department(), new BigDecimal("1000000")))
                .as("no budget")
                .isFalse();

        budgets.set(budget(hard, "1000", EnforcementMode.SOFT));
        assertThat(budgets.blocks(hard, new BigDecimal("1200")))
                .as("switched to SOFT")
                .isFalse();
    }

    @Test
    void refusesABudgetForADepartmentThatDoesNotExist() {
        assertThatThrownBy(() -> budgets.set(budget(new TenantId("no-such-department"), "1000", EnforcementMode.SOFT)))
                .isInstanceOf(InvalidBudgetException.class)
                .hasMessageContaining("no department 'no-such-department'");
    }

    @Test
    void keepsWhoSetTheBudgetAndWhen() throws SQLException {
        var tenant = department();
        budgets.set(new Budget(
                tenant,
                new BigDecimal("1234.5"),
                EnforcementMode.HARD,
                "li.wei",
                Instant.parse("2026-11-03T04:05:06Z")));
        var stored = budgets.find(tenant).orElseThrow();
        assertThat(stored.monthlyLimit()).hasToString("1234.50");
        assertThat(stored.mode()).isEqualTo(EnforcementMode.HARD);
        assertThat(stored.setBy()).isEqualTo("li.wei");
        assertThat(stored.setAt()).isEqualTo(Instant.parse("2026-11-03T04:05:06Z"));
    }

    @Test
    void refusesZeroNegativeAndSubFenBudgetsAndKeepsTheOneSet() throws SQLException {
        var tenant = department();
        budgets.set(budget(tenant, "1000", EnforcementMode.HARD));
        for (var bad : new String[] {"0", "-1000", "1000.005"}) {
            assertThatThrownBy(() -> budgets.set(budget(tenant, bad, EnforcementMode.SOFT)))
                    .as(bad)
                    .isInstanceOf(InvalidBudgetException.class)
                    .hasMessageContaining(bad);
        }
        assertThat(budgets.find(tenant).orElseThrow().monthlyLimit()).isEqualByComparingTo("1000");
        assertThat(budgets.find(tenant).orElseThrow().mode()).isEqualTo(EnforcementMode.HARD);
    }
}
