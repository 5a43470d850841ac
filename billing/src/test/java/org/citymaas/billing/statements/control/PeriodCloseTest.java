package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodCloseTest {

    @Test
    void aMonthEndsAtShanghaiMidnightAndIsIssuedAfterTheGraceWindow() {
        assertThat(PeriodClose.end(YearMonth.of(2026, 11))).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(PeriodClose.issueDue(YearMonth.of(2026, 12), Period.ofDays(3)))
                .isEqualTo(Instant.parse("2027-01-03T16:00:00Z"));
    }
}
