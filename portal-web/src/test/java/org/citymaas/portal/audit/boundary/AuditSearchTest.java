package org.citymaas.portal.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.citymaas.portal.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

class AuditSearchTest {

    @Test
    void readsTimesInTheCityUnlessTheyCarryAnOffsetAndADayEndsAtTheNextMidnight() {
        assertThat(AuditSearch.instant("from", "2026-12-07", false)).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(AuditSearch.instant("to", "2026-12-07", true)).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        assertThat(AuditSearch.instant("from", "2026-12-07T08:30", false))
                .isEqualTo(Instant.parse("2026-12-07T00:30:00Z"));
        assertThat(AuditSearch.instant("from", "2026-12-07T08:30:00Z", false))
                .isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
        assertThat(AuditSearch.instant("from", "2026-12-07T08:30+01:00", false))
                .isEqualTo(Instant.parse("2026-12-07T07:30:00Z"));
        assertThat(AuditSearch.instant("from", " ", false)).isNull();
        assertThatThrownBy(() -> AuditSearch.instant("to", "yesterday", true))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("to: a time is");
    }

    @Test
    void theRecordedFiltersArePrintableAndLeaveOutWhatWasNotAsked() {
        var filters = new AuditSearch.Filters(
                "2026-12-01",
                null,
                List.of("transport"),
                List.of(),
                List.of("inference.request", "batch.*"),
                List.of(),
                List.of("DENIED"),
                null,
                " ",
                "张三\u0000",
                20);

        var summary = AuditSearch.summary(filters, "abc", 7);

        assertThat(summary)
                .isEqualTo("filters {action=[inference.request, batch.*], department=[transport],"
                        + " from=2026-12-01, limit=20, outcome=[DENIED], requestId=???}, next page, 7 events")
                .matches("[\\x20-\\x7e]*");
    }
}
