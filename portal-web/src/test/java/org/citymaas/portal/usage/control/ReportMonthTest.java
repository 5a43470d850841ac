package org.citymaas.portal.usage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.citymaas.portal.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportMonthTest {

    private static final ReportMonth NOVEMBER = new ReportMonth(YearMonth.of(2026, 11));

    @Test
    void theCurrentMonthIsShanghaisNotUtcs() {
        // 16:30 UTC on 31 October is already 1 November in Shanghai
        var clock = Clock.fixed(Instant.parse("2026-10-31T16:30:00Z"), ZoneOffset.UTC);

        assertThat(ReportMonth.current(clock)).isEqualTo(NOVEMBER);
    }

    @Test
    void noMonthMeansTheCurrentOne() {
        assertThat(ReportMonth.parse(null, NOVEMBER)).isEqualTo(NOVEMBER);
        assertThat(ReportMonth.parse("  ", NOVEMBER)).isEqualTo(NOVEMBER);
    }

    @Test
    void readsPastAndCurrentMonths() {
        assertThat(ReportMonth.parse("2026-11", NOVEMBER)).isEqualTo(NOVEMBER);
        assertThat(ReportMonth.parse(" 2025-01 ", NOVEMBER).month()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(ReportMonth.parse("2026-10", NOVEMBER).toString()).isEqualTo("2026-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "november", "2026-11'"})
    void refusesWhatIsNoMonthNamingTheParameter(String text) {
        assertThatThrownBy(() -> ReportMonth.parse(text, NOVEMBER))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.parameter()).isEqualTo("month");
                    assertThat(e.getMessage()).startsWith("month: ").contains("YYYY-MM");
                });
    }

    @Test
    void refusesAMonthThatHasNotBegun() {
        assertThatThrownBy(() -> ReportMonth.parse("2026-12", NOVEMBER))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("has not begun");
    }
}
