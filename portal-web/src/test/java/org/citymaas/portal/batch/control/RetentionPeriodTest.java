package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void daysAreExactSpansOfTwentyFourHours() {
        assertThat(RetentionPeriod.parse("P30D").cutoff(NOW)).isEqualTo(Instant.parse("2026-11-06T02:00:00Z"));
        assertThat(RetentionPeriod.parse("PT12H").cutoff(NOW)).isEqualTo(Instant.parse("2026-12-05T14:00:00Z"));
        assertThat(RetentionPeriod.parse("P1DT1H").cutoff(NOW)).isEqualTo(Instant.parse("2026-12-05T01:00:00Z"));
    }

    @Test
    void monthsAndYearsAreCalendarOnesInTheCitysZone() {
        // 2026-03-31 09:30 in Shanghai, one month back: 2026-02-28 (no 31st), same wall time
        var endOfMarch = Instant.parse("2026-03-31T01:30:00Z");
        assertThat(RetentionPeriod.parse("P1M").cutoff(endOfMarch)).isEqualTo(Instant.parse("2026-02-28T01:30:00Z"));
        // 2026-04-30 20:00 UTC is already 1 May 04:00 in Shanghai: one month back is 1 April there
        // (31 March 20:00 UTC), where counting in UTC would have said 30 March
        var mayDayMorning = Instant.parse("2026-04-30T20:00:00Z");
        assertThat(RetentionPeriod.parse("P1M").cutoff(mayDayMorning)).isEqualTo(Instant.parse("2026-03-31T20:00:00Z"));
        assertThat(RetentionPeriod.parse("P1Y").cutoff(NOW)).isEqualTo(Instant.parse("2025-12-06T02:00:00Z"));
        assertThat(RetentionPeriod.parse("P2W").cutoff(NOW)).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
    }

    @Test
    void isReadInAnyCaseAndShownAsConfigured() {
        assertThat(RetentionPeriod.parse(" p30d ")).hasToString("P30D");
        assertThat(RetentionPeriod.parse("P3M")).hasToString("P3M");
    }

    @Test
    void refusesWhatIsNotAPositiveIso8601Duration() {
        for (var wrong : new String[] {"30", "30 days", "", null, "P0D", "PT0S", "-P30D", "P-1M", "P0M"}) {
            assertThatThrownBy(() -> RetentionPeriod.parse(wrong))
                    .as("'%s'", wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("citymaas.batch.retention");
        }
    }

    @Test
    void aPeriodLongerThanTheDatabaseCanCountBackKeepsEverything() {
        assertThat(RetentionPeriod.parse("P9999999Y").cutoff(NOW)).isEqualTo(Instant.EPOCH);
        assertThat(RetentionPeriod.parse("P36500D").cutoff(NOW)).isEqualTo(Instant.EPOCH);
    }
}
