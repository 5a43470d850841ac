package org.citymaas.billing.budgets.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthEndForecastTest {

    /** November 2026 has 30 days and starts at 2026-10-31T16:00Z (midnight in Shanghai). */
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void extrapolatesTheCostLinearlyOverTheMonthInShanghai() {
        // 15 of 30 days passed: half the month
        assertThat(MonthEndForecast.of(NOVEMBER, new BigDecimal("400"), Instant.parse("2026-11-15T16:00:00Z")))
                .hasValueSatisfying(forecast -> assertThat(forecast).isEqualByComparingTo("800.00"));
        // 10 of 30 days passed
        assertThat(MonthEndForecast.of(NOVEMBER, new BigDecimal("100"), Instant.parse("2026-11-10T16:00:00Z")))
                .hasValueSatisfying(forecast -> assertThat(forecast).hasToString("300.00"));
    }

    @Test
    void roundsTheForecastToTheFenHalfUp() {
        // 7 of 30 days: 1 * 30 / 7 = 4.2857...
        assertThat(MonthEndForecast.of(NOVEMBER, BigDecimal.ONE, Instant.parse("2026-11-07T16:00:00Z")))
                .hasValueSatisfying(forecast -> assertThat(forecast).hasToString("4.29"));
    }

    @Test
    void makesNoForecastOnTheMonthsFirstDay() {
        assertThat(MonthEndForecast.of(NOVEMBER, new BigDecimal("10"), Instant.parse("2026-10-31T17:00:00Z")))
                .as("one hour into the month")
                .isEmpty();
        assertThat(MonthEndForecast.of(NOVEMBER, new BigDecimal("10"), Instant.parse("2026-11-01T15:59:59Z")))
                .as("a second before the first day ends")
                .isEmpty();
        assertThat(MonthEndForecast.of(NOVEMBER, new BigDecimal("10"), Instant.parse("2026-11-01T16:00:00Z")))
                .as("one day in: at most the month's days times the cost")
                .hasValueSatisfying(forecast -> assertThat(forecast).isEqualByComparingTo("300"));
    }

    @Test
    void theMonthStartsAtMidnightInShanghaiNotInUtc() {
        // 2026-11-01T12:00Z is already 20:00 on the first day in Shanghai, but the first day in UTC has 12 h left
        assertThat(MonthEndForecast.of(NOVEMBER, BigDecimal.TEN, Instant.parse("2026-11-01T12:00:00Z")))
                .isEmpty();
        assertThat(MonthEndForecast.of(NOVEMBER, BigDecimal.TEN, Instant.parse("2026-11-01T17:00:00Z")))
                .isPresent();
    }

    @Test
    void aMonthThatEndedForecastsItsCostAndOneNotStartedNothing() {
        assertThat(MonthEndForecast.of(NOVEMBER, new BigDecimal("123.456"), Instant.parse("2026-11-30T16:00:00Z")))
                .hasValueSatisfying(forecast -> assertThat(forecast).hasToString("123.46"));
        assertThat(MonthEndForecast.of(NOVEMBER, BigDecimal.TEN, Instant.parse("2026-10-20T00:00:00Z")))
                .isEmpty();
    }
}
