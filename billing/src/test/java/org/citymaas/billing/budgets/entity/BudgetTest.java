package org.citymaas.billing.budgets.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class BudgetTest {

    private static Budget budget(String cny, EnforcementMode mode) {
        return new Budget(
                new TenantId("transport"), new BigDecimal(cny), mode, "admin", Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void refusesZeroNegativeAndSubFenBudgets() {
        assertThatThrownBy(() -> budget("0", EnforcementMode.SOFT))
                .isInstanceOf(InvalidBudgetException.class)
                .hasMessageContaining("more than 0 CNY, not 0");
        assertThatThrownBy(() -> budget("-100", EnforcementMode.HARD))
                .isInstanceOf(InvalidBudgetException.class)
                .hasMessageContaining("-100");
        assertThatThrownBy(() -> budget("1000.005", EnforcementMode.SOFT))
                .isInstanceOf(InvalidBudgetException.class)
                .hasMessageContaining("(at most 2 decimals), not 1000.005 CNY");
        assertThatThrownBy(() -> budget("1000000000000", EnforcementMode.SOFT))
                .isInstanceOf(InvalidBudgetException.class)
                .hasMessageContaining("at most 999999999999.99");
    }

    @Test
    void refusesABudgetWithoutWhoSetIt() {
        assertThatThrownBy(() ->
                        new Budget(new TenantId("transport"), BigDecimal.TEN, EnforcementMode.SOFT, " ", Instant.EPOCH))
                .isInstanceOf(InvalidBudgetException.class)
                .hasMessageContaining("who set it");
    }

    @Test
    void keepsTheAmountInFenWhateverZerosItWasWrittenWith() {
        assertThat(budget("1000", EnforcementMode.SOFT).monthlyLimit()).hasToString("1000.00");
        assertThat(budget("1000.000", EnforcementMode.SOFT).monthlyLimit()).hasToString("1000.00");
        assertThat(budget("0.01", EnforcementMode.SOFT).monthlyLimit()).hasToString("0.01");
    }

    @Test
    void aHardBudgetBlocksFromTheBudgetOnAndASoftOneNever() {
        var hard = budget("1000", EnforcementMode.HARD);
        assertThat(hard.blocks(new BigDecimal("999.99"))).isFalse();
        assertThat(hard.blocks(new BigDecimal("1000"))).isTrue();
        assertThat(hard.blocks(new BigDecimal("1000.000000001"))).isTrue();
        var soft = budget("1000", EnforcementMode.SOFT);
        assertThat(soft.blocks(new BigDecimal("1000"))).isFalse();
        assertThat(soft.blocks(new BigDecimal("5000"))).isFalse();
    }

    @Test
    void thresholdsAreTheirShareOfTheBudget() {
        var limit = new BigDecimal("999.99");
        assertThat(BudgetAlertKind.ACTUAL_50.threshold(limit)).isEqualByComparingTo("499.995");
        assertThat(BudgetAlertKind.ACTUAL_80.threshold(limit)).isEqualByComparingTo("799.992");
        assertThat(BudgetAlertKind.ACTUAL_100.threshold(limit)).isEqualByComparingTo("999.99");
        assertThat(BudgetAlertKind.FORECAST_100.threshold(limit)).isEqualByComparingTo("999.99");
    }
}
