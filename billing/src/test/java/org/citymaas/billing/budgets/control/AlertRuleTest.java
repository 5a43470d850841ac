package org.citymaas.billing.budgets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.billing.budgets.entity.AlertEvent.FIRED;
import static org.citymaas.billing.budgets.entity.AlertEvent.RESOLVED;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.ACTUAL_100;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.ACTUAL_50;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.ACTUAL_80;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.FORECAST_100;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citymaas.billing.budgets.control.AlertRule.Change;
import org.citymaas.billing.budgets.entity.AlertEvent;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlertKind;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final Optional<Budget> THOUSAND = Optional.of(new Budget(
            new TenantId("transport"), new BigDecimal("1000"), EnforcementMode.SOFT, "admin", Instant.EPOCH));
    private static final Set<BudgetAlertKind> NONE = Set.of();

    private static List<Change> changes(String cost, String forecast, Set<BudgetAlertKind> active) {
        return AlertRule.changes(
                THOUSAND,
                new BigDecimal(cost),
                Optional.ofNullable(forecast).map(BigDecimal::new),
                active.isEmpty() ? EnumSet.noneOf(BudgetAlertKind.class) : EnumSet.copyOf(active));
    }

    private static Change change(BudgetAlertKind kind, AlertEvent event, String value) {
        return new Change(kind, event, new BigDecimal(value));
    }

    @Test
    void firesEveryThresholdTheCostReachedThatIsNotActive() {
        assertThat(changes("499.99", null, NONE)).isEmpty();
        assertThat(changes("500", null, NONE)).containsExactly(change(ACTUAL_50, FIRED, "500"));
        assertThat(changes("1000", null, NONE))
                .containsExactly(
                        change(ACTUAL_50, FIRED, "1000"),
                        change(ACTUAL_80, FIRED, "1000"),
                        change(ACTUAL_100, FIRED, "1000"));
        assertThat(changes("1000", null, Set.of(ACTUAL_50, ACTUAL_80)))
                .containsExactly(change(ACTUAL_100, FIRED, "1000"));
    }

    @Test
    void anActiveAlertDoesNotFireAgain() {
        assertThat(changes("1200", null, Set.of(ACTUAL_50, ACTUAL_80, ACTUAL_100)))
                .isEmpty();
    }

    @Test
    void anActualAlertResolvesAsSoonAsTheCostIsBelowItsThreshold() {
        assertThat(changes("799.99", null, Set.of(ACTUAL_50, ACTUAL_80)))
                .containsExactly(change(ACTUAL_80, RESOLVED, "799.99"));
        assertThat(changes("800", null, Set.of(ACTUAL_50, ACTUAL_80))).isEmpty();
    }

    @Test
    void theForecastAlertFiresAt100AndResolvesOnlyBelow95Percent() {
        assertThat(changes("100", "999.99", NONE)).isEmpty();
        assertThat(changes("100", "1000", NONE)).containsExactly(change(FORECAST_100, FIRED, "1000"));
        assertThat(changes("100", "950", Set.of(FORECAST_100)))
                .as("between 95 and 100%: stays active")
                .isEmpty();
        assertThat(changes("100", "949.99", Set.of(FORECAST_100)))
                .containsExactly(change(FORECAST_100, RESOLVED, "949.99"));
    }

    @Test
    void withoutAForecastTheForecastAlertStaysAsItIs() {
        assertThat(changes("100", null, Set.of(FORECAST_100))).isEmpty();
        assertThat(changes("5000", null, NONE)).extracting(Change::kind).doesNotContain(FORECAST_100);
    }

    @Test
    void withoutABudgetEveryActiveAlertResolvesAndNothingFires() {
        var changes = AlertRule.changes(
                Optional.empty(),
                new BigDecimal("5000"),
                Optional.of(new BigDecimal("9000")),
                EnumSet.of(ACTUAL_50, FORECAST_100));
        assertThat(changes)
                .containsExactly(change(ACTUAL_50, RESOLVED, "5000"), change(FORECAST_100, RESOLVED, "9000"));
        assertThat(AlertRule.changes(
                        Optional.empty(),
                        new BigDecimal("5000"),
                        Optional.empty(),
                        EnumSet.noneOf(BudgetAlertKind.class)))
                .isEmpty();
    }
}
