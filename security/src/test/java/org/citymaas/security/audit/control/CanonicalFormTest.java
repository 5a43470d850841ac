package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    private static AuditEvent.Builder base() {
        return AuditEvent.builder()
                .occurredAt(Instant.parse("2026-11-25T23:40:11.123456789Z"))
                .actor("alice", ActorType.USER)
                .tenant(new TenantId("transport"))
                .action("inference.request")
                .resource("models/m")
                .outcome("OK", 200);
    }

    @Test
    void hashesTheSameContentToTheSameHashEveryTime() {
        var e = base().build();
        assertThat(CanonicalForm.hash(7, e, ChainedEvent.GENESIS))
                .isEqualTo(CanonicalForm.hash(7, base().build(), ChainedEvent.GENESIS))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void keepsInstantsAtMicrosecondsAsPostgresqlStoresThem() {
        var e = base().build();
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-25T23:40:11.123456Z"));
        assertThat(CanonicalForm.instant(Instant.parse("2026-01-02T03:04:05Z")))
                .isEqualTo("2026-01-02T03:04:05.000000Z");
        var nanosLater = base().occurredAt(Instant.parse("2026-11-25T23:40:11.123456999Z"))
                .build();
        assertThat(CanonicalForm.hash(1, nanosLater, ChainedEvent.GENESIS))
                .isEqualTo(CanonicalForm.hash(1, e, ChainedEvent.GENESIS));
    }

    @Test
    void lengthPrefixesKeepFieldBoundariesApart() {
        var ab = base().actor("ab", ActorType.USER).tenant(new TenantId("cd")).build();
        var a = base().actor("a", ActorType.USER).tenant(new TenantId("bcd")).build();
        assertThat(CanonicalForm.hash(1, ab, ChainedEvent.GENESIS))
                .isNotEqualTo(CanonicalForm.hash(1, a, ChainedEvent.GENESIS));
    }

    @Test
    void tellsNullFromEmpty() {
        var nullSummary = base().summary(null).build();
        var emptySummary = base().summary("").build();
        assertThat(CanonicalForm.hash(1, nullSummary, ChainedEvent.GENESIS))
                .isNotEqualTo(CanonicalForm.hash(1, emptySummary, ChainedEvent.GENESIS));
    }

    @Test
    void coversPositionAndPredecessor() {
        var e = base().build();
        var h = CanonicalForm.hash(1, e, ChainedEvent.GENESIS);
        assertThat(CanonicalForm.hash(2, e, ChainedEvent.GENESIS)).isNotEqualTo(h);
        assertThat(CanonicalForm.hash(1, e, "1".repeat(64))).isNotEqualTo(h);
    }

    @Test
    void encodesFieldsAsDocumented() {
        var e = base().build();
        byte[] bytes = CanonicalForm.event(3, e, ChainedEvent.GENESIS);
        var expected = new java.io.ByteArrayOutputStream();
        for (var field : new String[] {
            CanonicalForm.EVENT_TAG,
            "2026-11-25T23:40:11.123456Z",
            "alice",
            "user",
            "transport",
            "inference.request",
            "models/m",
            "OK",
            "200",
            null,
            null,
            null,
            null,
            null,
            "3",
            ChainedEvent.GENESIS
        }) {
            if (field == null) {
                expected.writeBytes(new byte[] {-1, -1, -1, -1});
            } else {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                expected.writeBytes(
                        java.nio.ByteBuffer.allocate(4).putInt(utf8.length).array());
                expected.writeBytes(utf8);
            }
        }
        assertThat(bytes).isEqualTo(expected.toByteArray());
        assertThat(CanonicalForm.content(e)).isEqualTo(java.util.Arrays.copyOf(bytes, CanonicalForm.content(e).length));
    }

    @Test
    void refusesWhatPostgresqlCouldNotGiveBackUnchanged() {
        assertThatThrownBy(() -> base().summary("a\0b").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().summary("x\uD800y").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().digests("ABC", null).build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(base().summary("上海 \uD83D\uDE00").build().summary()).endsWith("\uD83D\uDE00");
    }
}
