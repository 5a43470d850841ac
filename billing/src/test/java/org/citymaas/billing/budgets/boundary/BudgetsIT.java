package org.citymaas.billing.budgets.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.billing.budgets.boundary.BudgetDatabase.budget;
import static org.citymaas.billing.budgets.entity.AlertEvent.FIRED;
import static org.citymaas.billing.budgets.entity.AlertEvent.RESOLVED;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.ACTUAL_100;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.ACTUAL_50;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.ACTUAL_80;
import static org.citymaas.billing.budgets.entity.BudgetAlertKind.FORECAST_100;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlert;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Budgets on real PostgreSQL: thresholds fire once, resolve when the cost drops back, HARD blocks. */
class BudgetsIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    /** 02:00 on 1 November in Shanghai: too early for a forecast, so only the actual cost alerts. */
    static final Instant FIRST_DAY = Instant.parse("2026-10-31T18:00:00Z");
    /** Midnight of 16 November in Shanghai: half of November has passed. */
    static final Instant MID_MONTH = Instant.parse("2026-11-15T16:00:00Z");

    @RegisterExtension
    static final BudgetDatabase DB = new BudgetDatabase();

    private final Budgets budgets = DB.budgets();

    List<BudgetAlert> evaluate(TenantId tenant, String cost, Instant now) {
        return budgets.evaluate(tenant, NOVEMBER, new BigDecimal(cost), now);
    }

    /** What an alert compared, without the zeros that only its scale adds (1000.00 is 1000). */
    static BigDecimal observed(BudgetAlert alert) {
        return alert.observed().stripTrailingZeros();
    }

    static Tuple transition(Object kind, Object event, String observed) {
        return Tuple.tuple(kind, event, new BigDecimal(observed).stripTrailingZeros());
    }

    @Test
    void firesEachActualThresholdOnceInOrderAsTheCostRises() throws SQLException {
        var tenant = DB.department();
        budgets.set(budget(tenant, "1000", EnforcementMode.SOFT));

        var all = new ArrayList<BudgetAlert>();
        for (var cost : List.of("100", "499.99", "500", "500", "650", "800", "800", "1000", "1000", "1200", "1200")) {
            var transitions = evaluate(tenant, cost, FIRST_DAY);
            assertThat(transitions)
                    .as("evaluating %s CNY", cost)
                    .allSatisfy(alert -> assertThat(alert.observed()).isEqualByComparingTo(cost));
            all.addAll(transitions);
        }

        assertThat(all)
                .extracting(BudgetAlert::kind, BudgetAlert::event, BudgetsIT::observed)
                .containsExactly(
                        transition(ACTUAL_50, FIRED, "500"),
                        transition(ACTUAL_80, FIRED, "800"),
                        transition(ACTUAL_100, FIRED, "1000"));
        assertThat(all).allSatisfy(alert -> {
            assertThat(alert.budget()).isEqualByComparingTo("1000");
            assertThat(alert.tenant()).isEqualTo(tenant);
            assertThat(alert.month()).isEqualTo(NOVEMBER);
        });
        assertThat(budgets.active(tenant, NOVEMBER))
                .extracting(BudgetAlert::kind)
                .containsExactly(ACTUAL_50, ACTUAL_80, ACTUAL_100);
    }

    @Test
    void aBudgetRaiseResolvesTheCrossedThresholdsAndALaterCrossingFiresAgain() throws SQLException {
        var tenant = DB.department();
        budgets.set(budget(tenant, "1000", EnforcementMode.SOFT));
        assertThat(evaluate(tenant, "1200", FIRST_DAY)).hasSize(3);

        budgets.set(budget(tenant, "5000", EnforcementMode.SOFT));
        assertThat(evaluate(tenant, "1200", FIRST_DAY))
                .extracting(BudgetAlert::kind, BudgetAlert::event, BudgetsIT::observed)
                .containsExactly(
                        transition(ACTUAL_50, RESOLVED, "1200"),
                        transition(ACTUAL_80, RESOLVED, "1200"),
                        transition(ACTUAL_100, RESOLVED, "1200"));
        assertThat(evaluate(tenant, "1200", FIRST_DAY)).as("resolved once").isEmpty();
        assertThat(budgets.active(tenant, NOVEMBER)).isEmpty();

        assertThat(evaluate(tenant, "2500", FIRST_DAY))
                .as("crossing 50% of the new budget is a new crossing")
                .extracting(BudgetAlert::kind, BudgetAlert::event, BudgetAlert::budget)
                .containsExactly(Tuple.tuple(ACTUAL_50, FIRED, new BigDecimal("5000.00")));
        assertThat(evaluate(tenant, "2600", FIRST_DAY)).isEmpty();
    }

    @Test
    void theForecastAlertFiresWhenTheMonthEndForecastCrossesTheBudget() throws SQLException {
        var tenant = DB.department();
        budgets.set(budget(tenant, "1000", EnforcementMode.SOFT));

        assertThat(evaluate(tenant, "900", FIRST_DAY))
                .as("no forecast on the month's first day")
                .extracting(BudgetAlert::kind)
                .containsExactly(ACTUAL_50, ACTUAL_80);

        var other = DB.department();
        budgets.set(budget(other, "1000", EnforcementMode.SOFT));
        assertThat(budgets.evaluate(other, NOVEMBER, new BigDecimal("499.99"), MID_MONTH))
                .as("forecast 999.98 CNY")
                .isEmpty();
        assertThat(budgets.evaluate(other, NOVEMBER, new BigDecimal("500"), MID_MONTH))
                .extracting(BudgetAlert::kind, BudgetAlert::event, BudgetsIT::observed)
                .containsExactly(transition(ACTUAL_50, FIRED, "500"), transition(FORECAST_100, FIRED, "1000"));
        assertThat(budgets.evaluate(other, NOVEMBER, new BigDecimal("480"), MID_MONTH))
                .as("forecast 960 CNY: above 95%, still active (and ACTUAL_50 resolved by the credit)")
                .extracting(BudgetAlert::kind, BudgetAlert::event)
                .containsExactly(Tuple.tuple(ACTUAL_50, RESOLVED));
        assertThat(budgets.evaluate(other, NOVEMBER, new BigDecimal("500"), Instant.parse("2026-11-20T16:00:00Z")))
                .as("two thirds of the month passed: forecast 750 CNY")
                .extracting(BudgetAlert::kind, BudgetAlert::event, BudgetsIT::observed)
                .containsExactly(transition(ACTUAL_50, FIRED, "500"), transition(FORECAST_100, RESOLVED, "750"));
    }

    @Test
    void nextMonthStartsClean() throws SQLException {
        var tenant = DB.department();
        budgets.set(budget(tenant, "1000", EnforcementMode.SOFT));
        assertThat(evaluate(tenant, "1000", FIRST_DAY)).hasSize(3);

        var december = NOVEMBER.plusMonths(1);
        var decemberFirstDay = Instant.parse("2026-11-30T18:00:00Z");
        assertThat(budgets.evaluate(tenant, december, new BigDecimal("100"), decemberFirstDay))
                .isEmpty();
        assertThat(budgets.active(tenant, december)).isEmpty();
        assertThat(budgets.evaluate(tenant, december, new BigDecimal("500"), decemberFirstDay))
                .extracting(BudgetAlert::kind, BudgetAlert::month)
                .containsExactly(Tuple.tuple(ACTUAL_50, december));
        assertThat(budgets.active(tenant, NOVEMBER)).hasSize(3);
    }

    @Test
    void clearingTheBudgetResolvesTheActiveAlertsAtTheBudgetTheyFiredAt() throws SQLException {
        var tenant = DB.department();
        budgets.set(budget(tenant, "1000", EnforcementMode.HARD));
        assertThat(evaluate(tenant, "600", FIRST_DAY)).hasSize(1);

        assertThat(budgets.clear(tenant)).isTrue();
        assertThat(budgets.clear(tenant)).as("nothing left to clear").isFalse();
        assertThat(budgets.find(tenant)).isEmpty();
        assertThat(evaluate(tenant, "600", FIRST_DAY))
                .extracting(BudgetAlert::kind, BudgetAlert::event, BudgetAlert::budget)
                .containsExactly(Tuple.tuple(ACTUAL_50, RESOLVED, new BigDecimal("1000.00")));
        assertThat(evaluate(tenant, "99999", FIRST_DAY))
                .as("no budget, no alert")
                .isEmpty();
    }

    @Test
    void activeEverywhereListsEachDepartmentsActiveAlerts() throws SQLException {
        var first = DB.department();
        var second = DB.department();
        budgets.set(budget(first, "1000", EnforcementMode.SOFT));
        budgets.set(budget(second, "10", EnforcementMode.HARD));
        evaluate(first, "800", FIRST_DAY);
        evaluate(second, "10", FIRST_DAY);

        assertThat(budgets.activeEverywhere(NOVEMBER))
                .filteredOn(
                        alert -> alert.tenant().equals(first) || alert.tenant().equals(second))
                .extracting(BudgetAlert::tenant, BudgetAlert::kind)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(first, ACTUAL_50),
                        Tuple.tuple(first, ACTUAL_80),
                        Tuple.tuple(second, ACTUAL_50),
                        Tuple.tuple(second, ACTUAL_80),
                        Tuple.tuple(second, ACTUAL_100));
        assertThat(budgets.all()).extracting(Budget::tenant).contains(first, second);
    }
}
