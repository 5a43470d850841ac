package org.citymaas.billing.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class MonthlyUsageTest {

    private static DailyUsage day(int dayOfMonth, String model, long requests, long rows, String millis) {
        return new DailyUsage(LocalDate.of(2026, 11, dayOfMonth), model, requests, rows, new BigDecimal(millis));
    }

    @Test
    void totalsAddUpEachModelsDaysAndListModelsByName() {
        var usage = new MonthlyUsage(
                new TenantId("transport"),
                YearMonth.of(2026, 11),
                List.of(
                        day(3, "traffic-flow-forecast", 2, 5, "1.250"),
                        day(1, "traffic-flow-forecast", 1, 1, "0.500"),
                        day(3, "air-quality", 4, 4, "2.000")));

        assertThat(usage.totals())
                .containsExactly(
                        new ModelUsage("air-quality", 4, 4, new BigDecimal("2.000")),
                        new ModelUsage("traffic-flow-forecast", 3, 6, new BigDecimal("1.750")));
        assertThat(usage.models()).containsExactly("air-quality", "traffic-flow-forecast");
        assertThat(usage.days())
                .extracting(DailyUsage::day, DailyUsage::model)
                .as("by day, then model")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), "traffic-flow-forecast"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 3), "air-quality"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 3), "traffic-flow-forecast"));
    }

    @Test
    void aMonthWithoutUsageHasNoTotals() {
        assertThat(new MonthlyUsage(new TenantId("transport"), YearMonth.of(2026, 11), List.of()).totals())
                .isEmpty();
    }

    @Test
    void refusesADayOutsideTheMonth() {
        var december = new DailyUsage(LocalDate.of(2026, 12, 1), "m", 1, 1, BigDecimal.ONE);

        assertThatThrownBy(() -> new MonthlyUsage(new TenantId("transport"), YearMonth.of(2026, 11), List.of(december)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
