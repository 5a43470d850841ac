package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditCursor;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.InvalidCursorException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each search filter and combinations of them against a chain of varied events, compared with the
 * same filter written in Java over the events as appended; paging, cursors, an empty result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchIT {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final TenantId TRANSPORT = new TenantId("transport");
    private static final TenantId HEALTH = new TenantId("health");
    private static final TenantId POLICE = new TenantId("police");
    private static final Pattern TENANT_MODEL = Pattern.compile("tenants/[^/]+/(subscriptions|quotas)/([^/]+)");

    private final AuditDatabase db = new AuditDatabase();
    private final AuditLog log = new AuditLog(db.app());
    private List<ChainedEvent> chain;

    @BeforeAll
    void appendVariedEvents() throws SQLException {
        db.reset();
        var tenants = new TenantId[] {TRANSPORT, HEALTH, POLICE, null};
        var actors = new String[] {"zhang.wei", "li.na", "svc-transport", "wang.fang"};
        var actions = new String[] {
            "inference.request",
            "inference.request",
            "batch.submit",
            "api.get",
            "api.signin",
            "subscription.grant",
            "quota.set",
            "statement.issued",
            "price-card.add"
        };
        var resources = new String[] {
            "models/traffic-flow/versions/3",
            "models/traffic-flow/batches/b1",
            "models/traffic-flow-v2",
            "models/air-quality",
            "tenants/transport/subscriptions/traffic-flow",
            "tenants/health/quotas/air-quality",
            "tenants/transport/budget",
            "models/traffic-flow",
            "tenants/police/subscriptions/traffic-flow/extra"
        };
        var outcomes = new String[] {"OK", "OK", "OK", "DENIED", "REJECTED", "FAILED", "NOT_FOUND"};
        var events = new ArrayList<AuditEvent>();
        for (int i = 0; i < 420; i++) {
            var outcome = outcomes[(i / 3) % outcomes.length];
            var actor = actors[i % actors.length];
            events.add(AuditEvent.builder()
                    .occurredAt(T0.plusSeconds(60L * i))
                    .actor(actor, actor.startsWith("svc-") ? ActorType.SERVICE : ActorType.USER)
                    .tenant(tenants[(i / 2) % tenants.length])
                    .action(actions[(i / 5) % actions.length])
                    .resource(resources[(i / 7) % resources.length])
                    .outcome(outcome, outcome.equals("REJECTED") ? (i % 2 == 0 ? 429 : 400) : null)
                    .clientAddress(i % 11 == 0 ? null : "10.0.0." + (i % 13))
                    .requestId(i % 4 == 0 ? null : "req-" + i)
                    .build());
        }
        chain = new ArrayList<>();
        for (int from = 0; from < events.size(); from += 50) {
            chain.addAll(log.appendAll(events.subList(from, Math.min(events.size(), from + 50))));
        }
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void eachFilterFindsExactlyItsEventsNewestFirst() {
        expect(AuditQuery.builder().departments(List.of(TRANSPORT)), e -> TRANSPORT.equals(e.tenant()));
        expect(
                AuditQuery.builder().departments(List.of(HEALTH, POLICE)),
                e -> HEALTH.equals(e.tenant()) || POLICE.equals(e.tenant()));
        expect(
                AuditQuery.builder().actors(List.of("li.na", "svc-transport")),
                e -> in(e.actor(), "li.na", "svc-transport"));
        expect(
                AuditQuery.builder().actions(List.of("batch.submit")),
                e -> e.action().equals("batch.submit"));
        expect(
                AuditQuery.builder().actions(List.of("inference.*")),
                e -> e.action().startsWith("inference."));
        expect(
                AuditQuery.builder().actions(List.of("api.signin", "subscription.*", "quota.set")),
                e -> e.action().equals("api.signin")
                        || e.action().startsWith("subscription.")
                        || e.action().equals("quota.set"));
        expect(AuditQuery.builder().models(List.of("traffic-flow")), e -> "traffic-flow".equals(model(e)));
        expect(
                AuditQuery.builder().models(List.of("air-quality", "traffic-flow-v2")),
                e -> in(model(e), "air-quality", "traffic-flow-v2"));
        expect(
                AuditQuery.builder().outcomes(List.of("DENIED", "REJECTED")),
                e -> in(e.outcome(), "DENIED", "REJECTED"));
        expect(AuditQuery.builder().outcomes(List.of("OK")), e -> e.outcome().equals("OK"));
        expect(AuditQuery.builder().outcomes(List.of("OK", "FAILED")), e -> in(e.outcome(), "OK", "FAILED"));
        expect(AuditQuery.builder().httpStatus(429), e -> Objects.equals(e.httpStatus(), 429));
        expect(AuditQuery.builder().clientAddress("10.0.0.7"), e -> "10.0.0.7".equals(e.clientAddress()));
        expect(AuditQuery.builder().requestId("req-201"), e -> "req-201".equals(e.requestId()));
        var from = T0.plusSeconds(60L * 100);
        var to = T0.plusSeconds(60L * 250);
        expect(
                AuditQuery.builder().between(from, to),
                e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to));
        expect(AuditQuery.builder().between(null, from), e -> e.occurredAt().isBefore(from));
    }

    @Test
    void combinedFiltersMustAllMatch() {
        var from = T0.plusSeconds(60L * 30);
        var to = T0.plusSeconds(60L * 400);
        expect(
                AuditQuery.builder()
                        .departments(List.of(TRANSPORT))
                        .outcomes(List.of("DENIED", "REJECTED"))
                        .models(List.of("traffic-flow"))
                        .between(from, to),
                e -> TRANSPORT.equals(e.tenant())
                        && in(e.outcome(), "DENIED", "REJECTED")
                        && "traffic-flow".equals(model(e))
                        && !e.occurredAt().isBefore(from)
                        && e.occurredAt().isBefore(to));
        expect(
                AuditQuery.builder()
                        .actors(List.of("zhang.wei"))
                        .actions(List.of("inference.*", "batch.submit"))
                        .clientAddress("10.0.0.3"),
                e -> e.actor().equals("zhang.wei")
                        && (e.action().startsWith("inference.") || e.action().equals("batch.submit"))
                        && "10.0.0.3".equals(e.clientAddress()));
        expect(
                AuditQuery.builder().outcomes(List.of("REJECTED")).httpStatus(400),
                e -> e.outcome().equals("REJECTED") && Objects.equals(e.httpStatus(), 400));
    }

    @Test
    void anEmptyResultIsOneEmptyLastPage() {
        var none = log.search(AuditQuery.builder().requestId("req-never").build(), null);
        assertThat(none.events()).isEmpty();
        assertThat(none.hasMore()).isFalse();
        var nobody = log.search(
                AuditQuery.builder().departments(List.of(new TenantId("water"))).build(), null);
        assertThat(nobody.events()).isEmpty();
        assertThat(nobody.nextCursor()).isNull();
    }

    @Test
    void pagesOfTheGivenSizeEndWithoutACursor() {
        var query = AuditQuery.builder().pageSize(100).build();
        var first = log.search(query, null);
        assertThat(first.events()).hasSize(100);
        assertThat(first.events().get(0).seq()).isEqualTo(420);
        var all = collect(query);
        assertThat(all).hasSize(420);
        var exact = AuditQuery.builder().pageSize(420).build();
        assertThat(log.search(exact, null).nextCursor())
                .as("no page after the last")
                .isNull();
        assertThat(log.search(AuditQuery.builder().pageSize(1).build(), null).events())
                .extracting(ChainedEvent::seq)
                .containsExactly(420L);
    }

    @Test
    void refusesGarbledForeignAndEditedCursors() {
        var refusals = AuditQuery.builder()
                .departments(List.of(TRANSPORT))
                .outcomes(List.of("DENIED"))
                .pageSize(3)
                .build();
        var next = log.search(refusals, null).nextCursor();
        assertThat(next).isNotNull();
        assertThat(log.search(refusals, next).events())
                .allMatch(e -> e.seq() < AuditCursor.parse(next, refusals).beforeSeq());
        var health = AuditQuery.builder()
                .departments(List.of(HEALTH))
                .outcomes(List.of("DENIED"))
                .build();
        assertThatThrownBy(() -> log.search(health, next))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("belongs to a search with other filters");
        assertThatThrownBy(() -> log.search(refusals, "garbled%%"))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("not Base64url");
        var edited = (next.charAt(5) == 'A' ? 'B' : 'A') + "";
        assertThatThrownBy(() -> log.search(refusals, next.substring(0, 5) + edited + next.substring(6)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void leavesThePooledConnectionsPlanSettingAsItFoundIt() throws SQLException {
        try (var pool = new PerThreadDataSource(db.app())) {
            var pooled = new AuditLog(pool.dataSource());
            for (int i = 0; i < 12; i++) {
                pooled.search(AuditQuery.builder().actions(List.of("quota.set")).build(), null);
            }
            try (var c = pool.dataSource().getConnection();
                    var rows = c.createStatement().executeQuery("SHOW plan_cache_mode")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("auto");
            }
        }
    }

    private void expect(AuditQuery.Builder builder, Predicate<AuditEvent> matches) {
        var query = builder.pageSize(7).build();
        var expected = chain.stream()
                .filter(e -> matches.test(e.event()))
                .map(ChainedEvent::seq)
                .sorted((a, b) -> Long.compare(b, a))
                .toList();
        assertThat(expected).as("the data has events for %s", query).isNotEmpty();
        var found = collect(query);
        assertThat(found).extracting(ChainedEvent::seq).as("%s", query).containsExactlyElementsOf(expected);
        assertThat(found).extracting(ChainedEvent::event).allMatch(matches);
        assertThat(found.get(0)).isEqualTo(chain.get((int) found.get(0).seq() - 1));
    }

    private List<ChainedEvent> collect(AuditQuery query) {
        var all = new ArrayList<ChainedEvent>();
        String cursor = null;
        do {
            var page = log.search(query, cursor);
            assertThat(page.events().size()).isLessThanOrEqualTo(query.pageSize());
            if (page.hasMore()) {
                assertThat(page.events()).hasSize(query.pageSize());
            }
            all.addAll(page.events());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static boolean in(String value, String... values) {
        return value != null && java.util.Arrays.asList(values).contains(value);
    }

    private static String model(AuditEvent e) {
        if (e.resource().startsWith("models/")) {
            return e.resource().split("/")[1];
        }
        var m = TENANT_MODEL.matcher(e.resource());
        return m.matches() ? m.group(2) : null;
    }
}
