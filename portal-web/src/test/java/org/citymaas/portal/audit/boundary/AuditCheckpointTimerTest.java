package org.citymaas.portal.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCheckpointTimerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(5);

    @Test
    void theFirstCheckpointIsDue() {
        assertThat(AuditCheckpointTimer.due(null, NOW, EVERY)).isTrue();
    }

    @Test
    void aCheckpointAnotherInstanceSignedThisPeriodLeavesThePeriodToIt() {
        assertThat(AuditCheckpointTimer.due(NOW.minusSeconds(60), NOW, EVERY)).isFalse();
        assertThat(AuditCheckpointTimer.due(NOW.minusSeconds(149), NOW, EVERY)).isFalse();
    }

    @Test
    void aCheckpointOlderThanHalfThePeriodMakesTheNextOneDue() {
        assertThat(AuditCheckpointTimer.due(NOW.minusSeconds(150), NOW, EVERY)).isTrue();
        assertThat(AuditCheckpointTimer.due(NOW.minusSeconds(300), NOW, EVERY)).isTrue();
    }
}
