package org.citymaas.portal.billing.boundary;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class BudgetGuardTest {

    private static final TenantId TRANSPORT = new TenantId("transport");

    private final BudgetGuard guard = new BudgetGuard();

    private static Optional<Budget> budget(String limit, EnforcementMode mode) {
        return Optional.of(new Budget(TRANSPORT, new BigDecimal(limit), mode, "platform-admin", Instant.EPOCH));
    }

    @Test
    void refusesOnlyWhileAHardBudgetIsSpent() {
        guard.update(TRANSPORT, budget("100.00", EnforcementMode.HARD), new BigDecimal("99.99"));
        assertThatCode(() -> guard.admit(TRANSPORT)).doesNotThrowAnyException();

        guard.update(TRANSPORT, budget("100.00", EnforcementMode.HARD), new BigDecimal("100.00"));
        assertThatThrownBy(() -> guard.admit(TRANSPORT))
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("100.00 CNY");
        assertThatCode(() -> guard.admit(new TenantId("health")))
                .as("another department")
                .doesNotThrowAnyException();

        guard.update(TRANSPORT, budget("500.00", EnforcementMode.HARD), new BigDecimal("100.00"));
        assertThatCode(() -> guard.admit(TRANSPORT)).as("raised").doesNotThrowAnyException();
    }

    @Test
    void aSoftBudgetOrNoneNeverRefuses() {
        guard.update(TRANSPORT, budget("100.00", EnforcementMode.SOFT), new BigDecimal("250.00"));
        assertThatCode(() -> guard.admit(TRANSPORT)).doesNotThrowAnyException();

        guard.update(TRANSPORT, budget("100.00", EnforcementMode.HARD), new BigDecimal("250.00"));
        guard.update(TRANSPORT, Optional.empty(), new BigDecimal("250.00"));
        assertThatCode(() -> guard.admit(TRANSPORT)).as("cleared").doesNotThrowAnyException();
        assertThatCode(() -> guard.admit(null)).as("platform-wide work").doesNotThrowAnyException();
    }
}
