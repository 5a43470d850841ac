package org.citymaas.portal.batch.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionRunTest {

    private static final Instant CUTOFF = Instant.parse("2026-11-06T02:00:00Z");

    @Test
    void summarizesCountsPeriodCutoffAndDepartmentsInSlugOrder() {
        var run = new RetentionRun("P30D", CUTOFF, 3, 1204, Map.of("transport", 1, "hotline", 2));

        assertThat(run.summary())
                .isEqualTo("jobs=3 lines=1204 older-than=P30D cutoff=2026-11-06T02:00:00Z"
                        + " departments=hotline:2,transport:1");
    }

    @Test
    void aRunThatFoundNothingSaysSo() {
        assertThat(new RetentionRun("P30D", CUTOFF, 0, 0, Map.of()).summary())
                .isEqualTo("jobs=0 lines=0 older-than=P30D cutoff=2026-11-06T02:00:00Z");
    }
}
