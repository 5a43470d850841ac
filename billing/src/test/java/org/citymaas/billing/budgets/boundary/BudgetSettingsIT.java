package org.citymaas.billing.budgets.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.billing.budgets.boundary.BudgetDatabase.budget;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Setting budgets on real PostgreSQL, and what a HARD budget blocks. */
class BudgetSettingsIT {

    @RegisterExtension
    static final BudgetDatabase DB = new BudgetDatabase();

    private final Budgets budgets = DB.budgets();

    @Test
    void aHardBudgetBlocksFromTheBudgetOnAndASoftOneNever() throws SQLException {
        var hard = DB.department();
        budgets.set(budget(hard, "1000", EnforcementMode.HARD));
        assertThat(budgets.blocks(hard, new BigDecimal("999.99"))).isFalse();
        assertThat(budgets.blocks(hard, new BigDecimal("1000"))).isTrue();
        assertThat(budgets.blocks(hard, new BigDecimal("1200"))).isTrue();

        var soft = DB.department();
        budgets.set(budget(soft, "1000", EnforcementMode.SOFT));
        assertThat(budgets.blocks(soft, new BigDecimal("1200"))).isFalse();

        assertThat(budgets.blocks(DB.department(), new BigDecimal("1000000")))
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
        var tenant = DB.department();
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
        var tenant = DB.department();
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
