package org.citymaas.billing.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class UsageEventTest {

    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER = "d9298a10d1b0735837dc4bd85dac641b0f3cef27a47e5d53a54f2f3f5b2fcffa";

    private static UsageEvent charged(String digest) {
        return new UsageEvent(
                new TenantId("transport"),
                "req-1",
                "transport-api",
                "traffic-flow-forecast",
                "1",
                2,
                new BigDecimal("0.5"),
                "cpu()",
                "OK",
                Instant.parse("2026-11-25T08:00:00Z"),
                digest);
    }

    @Test
    void theSameCallerWithTheSameRequestIsARetry() {
        assertThat(charged(DIGEST).retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST))
                .isTrue();
    }

    @Test
    void anExplanationIsNoRetryOfAnInferenceUnderTheSameIdNorTheOtherWayRound() {
        var explanation = new UsageEvent(
                new TenantId("transport"),
                "req-1",
                "transport-api",
                "traffic-flow-forecast",
                "1",
                2,
                new BigDecimal("0.5"),
                "cpu()",
                "OK",
                Instant.parse("2026-11-25T08:00:00Z"),
                DIGEST,
                UsageKind.EXPLAIN);

        assertThat(charged(DIGEST).kind()).isEqualTo(UsageKind.INFER);
        assertThat(charged(DIGEST).retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST, UsageKind.EXPLAIN))
                .isFalse();
        assertThat(charged(null).retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST, UsageKind.EXPLAIN))
                .as("not even an event from before digests were kept")
                .isFalse();
        assertThat(explanation.retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST))
                .isFalse();
        assertThat(explanation.retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST, UsageKind.EXPLAIN))
                .isTrue();
    }

    @Test
    void anotherRequestUnderTheSameIdIsNoRetry() {
        assertThat(charged(DIGEST).retriedBy("transport-api", "traffic-flow-forecast", 2, OTHER))
                .isFalse();
        assertThat(charged(DIGEST).retriedBy("transport-api", "traffic-flow-forecast", 2, null))
                .isFalse();
    }

    @Test
    void anotherCallerOfTheDepartmentIsNoRetryEvenWithTheSameRequest() {
        assertThat(charged(DIGEST).retriedBy("transport-staff", "traffic-flow-forecast", 2, DIGEST))
                .isFalse();
        assertThat(charged(null).retriedBy("transport-staff", "traffic-flow-forecast", 2, DIGEST))
                .isFalse();
    }

    @Test
    void anEventChargedBeforeDigestsWereKeptTakesItsOwnCallerForTheSameModelAndRows() {
        var legacy = charged(null);

        assertThat(legacy.retriedBy("transport-api", "traffic-flow-forecast", 2, DIGEST))
                .isTrue();
        assertThat(legacy.retriedBy("transport-api", "traffic-flow-forecast", 3, DIGEST))
                .as("more rows")
                .isFalse();
        assertThat(legacy.retriedBy("transport-api", "air-quality-forecast", 2, DIGEST))
                .as("another model")
                .isFalse();
    }

    @Test
    void aDigestIsLowercaseHexSha256() {
        assertThatThrownBy(() -> charged("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> charged(DIGEST.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }
}
