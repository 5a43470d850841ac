package org.citymaas.tenant.quotas.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class QuotaPeriodTest {

    @Test
    void aMonthStartsAtMidnightInShanghaiNotInUtc() {
        // 2026-11-30 16:30 UTC is already 1 December 00:30 in Shanghai
        var period = QuotaPeriod.containing(Instant.parse("2026-11-30T16:30:00Z"));

        assertThat(period.month()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(period.startsAt()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(period.resetsAt()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void theLastMinuteOfAMonthStillCountsInIt() {
        var period = QuotaPeriod.containing(Instant.parse("2026-11-30T15:59:59Z"));

        assertThat(period.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(period.firstDay()).hasToString("2026-11-01");
    }
}
