package org.citymaas.security.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void emptyQueryMatchesEverythingFiftyAPage() {
        var query = AuditQuery.builder().build();
        assertThat(query.pageSize()).isEqualTo(50);
        assertThat(query.departments()).isEmpty();
        assertThat(query.actions()).isEmpty();
        assertThat(query.from()).isNull();
    }

    @Test
    void pageSizeIsOneToFiveHundred() {
        assertThat(AuditQuery.builder().pageSize(1).build().pageSize()).isEqualTo(1);
        assertThat(AuditQuery.builder().pageSize(500).build().pageSize()).isEqualTo(500);
        assertThatThrownBy(() -> AuditQuery.builder().pageSize(0).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("the page size is 1 to 500 events, not 0");
        assertThatThrownBy(() -> AuditQuery.builder().pageSize(501).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("not 501");
    }

    @Test
    void refusesAnEmptyOrReversedTimeRange() {
        var t = Instant.parse("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> AuditQuery.builder().between(t, t).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("the time range is empty");
        assertThatThrownBy(
                        () -> AuditQuery.builder().between(t.plusSeconds(1), t).build())
                .isInstanceOf(InvalidAuditQueryException.class);
        assertThat(AuditQuery.builder().between(t, null).build().from()).isEqualTo(t);
    }

    @Test
    void actionsAreExactOrACategory() {
        var query = AuditQuery.builder()
                .actions(List.of("inference.request", "batch.*", "subscription.grant", "price-card.add"))
                .build();
        assertThat(query.exactActions()).containsExactly("inference.request", "price-card.add", "subscription.grant");
        assertThat(query.wholeCategories()).containsExactly("batch");
        assertThat(query.actionCategories()).containsExactly("batch", "inference", "price-card", "subscription");
        for (var bad : List.of("inference", "*", "batch.*.x", "Inference.request", "batch.%", "a.b c", "")) {
            assertThatThrownBy(() -> AuditQuery.builder().actions(List.of(bad)).build())
                    .as(bad)
                    .isInstanceOf(InvalidAuditQueryException.class)
                    .hasMessageContaining("an action filter is an action such as inference.request");
        }
    }

    @Test
    void refusesMalformedFilterValues() {
        assertThatThrownBy(() -> AuditQuery.builder().outcomes(List.of("ok")).build())
                .hasMessageContaining("an outcome is an upper-case word");
        assertThatThrownBy(() ->
                        AuditQuery.builder().models(List.of("traffic/flow")).build())
                .hasMessageContaining("a model is a name");
        assertThatThrownBy(() ->
                        AuditQuery.builder().actors(List.of("zhang\u0000wei")).build())
                .hasMessageContaining("an actor is a user or service name")
                .hasMessageEndingWith("not a value with control or format characters");
        assertThatThrownBy(() -> AuditQuery.builder().actors(List.of(" ")).build())
                .isInstanceOf(InvalidAuditQueryException.class);
        assertThatThrownBy(() -> AuditQuery.builder().httpStatus(99).build())
                .hasMessage("an HTTP status is 100 to 599, not 99");
        assertThatThrownBy(
                        () -> AuditQuery.builder().clientAddress("x".repeat(65)).build())
                .hasMessageContaining("a client address is 1 to 64 printable characters");
        assertThatThrownBy(() -> AuditQuery.builder().requestId("").build())
                .hasMessageContaining("a request id is 1 to 100");
        var many = IntStream.range(0, 101).mapToObj(i -> "user" + i).toList();
        assertThatThrownBy(() -> AuditQuery.builder().actors(many).build())
                .hasMessage("at most 100 values per filter, not 101 actors");
    }

    @Test
    void fingerprintIgnoresValueOrderAndPageSizeButNotFilters() {
        var a = AuditQuery.builder()
                .departments(List.of(new TenantId("transport"), new TenantId("health")))
                .outcomes(List.of("DENIED", "REJECTED"))
                .pageSize(10)
                .build();
        var b = AuditQuery.builder()
                .departments(List.of(new TenantId("health"), new TenantId("transport")))
                .outcomes(List.of("REJECTED", "DENIED"))
                .pageSize(200)
                .build();
        var c = AuditQuery.builder()
                .departments(List.of(new TenantId("health")))
                .outcomes(List.of("REJECTED", "DENIED"))
                .build();
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(a.fingerprint()).isNotEqualTo(c.fingerprint());
    }
}
