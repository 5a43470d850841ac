package org.citymaas.portal.usage.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.RequestKind;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHistoryTest {

    @Test
    void takesFiftyUnlessToldAndAtMostFiveHundred() {
        assertThat(RequestHistory.limit(null)).isEqualTo(50);
        assertThat(RequestHistory.limit("")).isEqualTo(50);
        assertThat(RequestHistory.limit("1")).isEqualTo(1);
        assertThat(RequestHistory.limit(" 500 ")).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "ten", "2.5", "99999999999"})
    void refusesALimitOutOfRangeNamingIt(String limit) {
        assertThatThrownBy(() -> RequestHistory.limit(limit))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("limit"));
    }

    @Test
    void onlyARequestIdsFirstSuccessShowsWhatItWasCharged() {
        var retry = event(9, "r1", "OK", 200, "models/traffic-flow-forecast");
        var refused = event(5, "r2", "REJECTED", 400, "models/traffic-flow-forecast/versions/2");
        var first = event(3, "r1", "OK", 200, "models/traffic-flow-forecast");
        var charge = new UsageEvent(
                new TenantId("transport"),
                "r1",
                "zhang.wei",
                "traffic-flow-forecast",
                "1",
                4,
                new BigDecimal("0.250"),
                "cpu()",
                "OK",
                Instant.parse("2026-11-25T08:00:00Z"),
                null);

        var entries = RequestHistory.entries(
                List.of(retry, refused, first), Map.of(RequestKind.INFER, Map.of("r1", 3L)), Map.of("r1", charge));

        assertThat(entries).extracting(HistoryEntryView::requestId).containsExactly("r1", "r2", "r1");
        assertThat(entries.get(0).rows()).as("the retry was not charged again").isNull();
        assertThat(entries.get(0).computeMs()).isNull();
        assertThat(entries.get(0).version()).as("none asked for, none charged").isNull();
        assertThat(entries.get(1).rows())
                .as("a refused request is charged nothing")
                .isNull();
        assertThat(entries.get(1).version()).as("the version asked for").isEqualTo("2");
        assertThat(entries.get(1).status()).isEqualTo(400);
        assertThat(entries.get(2).rows()).isEqualTo(4);
        assertThat(entries.get(2).computeMs()).isEqualByComparingTo("0.250");
        assertThat(entries.get(2).version()).as("the version that answered").isEqualTo("1");
        assertThat(entries.get(2).model()).isEqualTo("traffic-flow-forecast");
        assertThat(entries.get(2).time()).isEqualTo("2026-11-25T16:00:00+08:00");
        assertThat(entries).extracting(HistoryEntryView::kind).containsOnly("infer");
    }

    private static ChainedEvent event(long seq, String requestId, String outcome, int status, String resource) {
        var event = AuditEvent.builder()
                .occurredAt(Instant.parse("2026-11-25T08:00:00Z"))
                .actor("zhang.wei", ActorType.USER)
                .tenant(new TenantId("transport"))
                .action(RequestKind.INFER.action())
                .resource(resource)
                .outcome(outcome, status)
                .requestId(requestId)
                .build();
        return new ChainedEvent(seq, event, ChainedEvent.GENESIS, "0".repeat(63) + seq);
    }
}
