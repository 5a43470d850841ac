package org.citymaas.portal.usage.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.usage.control.RequestKind;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

/**
 * "My history" lists the caller's inferences and explanations together, each with its kind, and only the
 * caller's own in the caller's department: the audit log (an in-memory chain that answers the queries as
 * security's {@code ChainReader} does) holds another member's and another department's explanations too.
 */
class RequestHistoryKindsTest {

    private static final TenantId TRANSPORT = new TenantId("transport");
    private static final TenantId HEALTH = new TenantId("health");
    private static final String MODEL = "models/traffic-flow-forecast";

    private final List<ChainedEvent> chain = new ArrayList<>();
    private final Map<TenantId, Map<String, UsageEvent>> ledger = new HashMap<>();
    private final RequestHistory history = new RequestHistory();

    RequestHistoryKindsTest() {
        history.audit = new ChainInMemory();
        history.usage = new LedgerInMemory();
        add(TRANSPORT, "zhang.wei", ActorType.USER, RequestKind.INFER, "mine-infer", "OK", 200);
        add(TRANSPORT, "zhang.wei", ActorType.USER, RequestKind.EXPLAIN, "mine-explain", "OK", 200);
        add(TRANSPORT, "li.na", ActorType.USER, RequestKind.EXPLAIN, "colleagues", "OK", 200);
        add(HEALTH, "zhang.wei", ActorType.USER, RequestKind.EXPLAIN, "other-department", "OK", 200);
        add(TRANSPORT, "zhang.wei", ActorType.SERVICE, RequestKind.EXPLAIN, "a-system-named-alike", "OK", 200);
        add(TRANSPORT, "zhang.wei", ActorType.USER, RequestKind.EXPLAIN, "mine-refused", "REJECTED", 422);
        add(TRANSPORT, "zhang.wei", ActorType.USER, RequestKind.EXPLAIN, "mine-explain", "OK", 200);
        add(TRANSPORT, "zhang.wei", ActorType.USER, RequestKind.EXPLAIN, null, "REJECTED", 400);
        charge(TRANSPORT, "mine-infer", UsageKind.INFER, 4);
        charge(TRANSPORT, "mine-explain", UsageKind.EXPLAIN, 1);
        charge(TRANSPORT, "colleagues", UsageKind.EXPLAIN, 1);
        charge(HEALTH, "other-department", UsageKind.EXPLAIN, 1);
        // another department's request ids are its own: the same id there is no charge of the caller's
        charge(HEALTH, "mine-refused", UsageKind.EXPLAIN, 9);
    }

    @Test
    void explanationsAreListedWithInferencesNewestFirstEachWithItsKindAndOutcome() {
        var entries = history.recent(caller("zhang.wei", CallerKind.USER, TRANSPORT), null);

        assertThat(entries)
                .extracting(HistoryEntryView::requestId)
                .containsExactly(null, "mine-explain", "mine-refused", "mine-explain", "mine-infer");
        assertThat(entries)
                .extracting(HistoryEntryView::kind)
                .containsExactly("explain", "explain", "explain", "explain", "infer");
        assertThat(entries.get(0).status()).as("refused before it had an id").isEqualTo(400);
        assertThat(entries.get(1).rows())
                .as("the retry of an explanation is not charged again")
                .isNull();
        assertThat(entries.get(2).outcome()).isEqualTo("REJECTED");
        assertThat(entries.get(2).status()).isEqualTo(422);
        assertThat(entries.get(2).rows())
                .as("a refusal is charged nothing, whatever another department charged under the id")
                .isNull();
        assertThat(entries.get(3).rows()).as("the explanation's rows explained").isEqualTo(1);
        assertThat(entries.get(3).computeMs()).isEqualByComparingTo("0.500");
        assertThat(entries.get(4).rows()).isEqualTo(4);
        assertThat(entries).extracting(HistoryEntryView::model).containsOnly("traffic-flow-forecast");
    }

    @Test
    void anotherMembersAndAnotherDepartmentsExplanationsNeverShow() {
        var mine = history.recent(caller("zhang.wei", CallerKind.USER, TRANSPORT), "500");
        var colleague = history.recent(caller("li.na", CallerKind.USER, TRANSPORT), null);
        var elsewhere = history.recent(caller("zhang.wei", CallerKind.USER, HEALTH), null);

        assertThat(mine)
                .extracting(HistoryEntryView::requestId)
                .doesNotContain("colleagues", "other-department", "a-system-named-alike");
        assertThat(colleague).extracting(HistoryEntryView::requestId).containsExactly("colleagues");
        assertThat(colleague.get(0).kind()).isEqualTo("explain");
        assertThat(elsewhere).extracting(HistoryEntryView::requestId).containsExactly("other-department");
        assertThat(history.recent(caller("zhang.wei", CallerKind.SERVICE, TRANSPORT), null))
                .extracting(HistoryEntryView::requestId)
                .containsExactly("a-system-named-alike");
        assertThat(history.recent(new Caller("s", "zhang.wei", null, CallerKind.USER, null, Set.of()), null))
                .as("no department, no history")
                .isEmpty();
    }

    @Test
    void theLimitCountsBothKindsTogether() {
        var two = history.recent(caller("zhang.wei", CallerKind.USER, TRANSPORT), "2");

        assertThat(two).extracting(HistoryEntryView::requestId).containsExactly(null, "mine-explain");
        assertThat(history.recent(caller("zhang.wei", CallerKind.USER, TRANSPORT), "4"))
                .extracting(HistoryEntryView::kind)
                .containsExactly("explain", "explain", "explain", "explain");
    }

    @Test
    void aChargeOfTheOtherKindUnderTheIdIsNotShown() {
        var event = event(1, RequestKind.EXPLAIN, "x", TRANSPORT, "zhang.wei", ActorType.USER, "OK", 200);
        var inference = usage(TRANSPORT, "x", UsageKind.INFER, 3);

        var entries = RequestHistory.entries(
                List.of(event), Map.of(RequestKind.EXPLAIN, Map.of("x", 1L)), Map.of("x", inference));
        var asInference = RequestHistory.entries(
                List.of(event), Map.of(RequestKind.INFER, Map.of("x", 1L)), Map.of("x", inference));

        assertThat(entries.get(0).rows()).isNull();
        assertThat(asInference.get(0).rows())
                .as("an explanation's first success is looked up among explanations only")
                .isNull();
    }

    @Test
    void eachKindIsItsAuditAction() {
        assertThat(RequestKind.ofAction("inference.request")).isEqualTo(RequestKind.INFER);
        assertThat(RequestKind.ofAction("inference.explain")).isEqualTo(RequestKind.EXPLAIN);
        assertThat(RequestKind.EXPLAIN.code()).isEqualTo("explain");
        assertThat(RequestKind.INFER.usage()).isEqualTo(UsageKind.INFER);
    }

    private void add(
            TenantId tenant,
            String actor,
            ActorType type,
            RequestKind kind,
            String requestId,
            String outcome,
            int status) {
        chain.add(event(chain.size() + 1, kind, requestId, tenant, actor, type, outcome, status));
    }

    private void charge(TenantId tenant, String requestId, UsageKind kind, int rows) {
        ledger.computeIfAbsent(tenant, t -> new HashMap<>()).put(requestId, usage(tenant, requestId, kind, rows));
    }

    private static UsageEvent usage(TenantId tenant, String requestId, UsageKind kind, int rows) {
        return new UsageEvent(
                tenant,
                requestId,
                "zhang.wei",
                "traffic-flow-forecast",
                "1",
                rows,
                new BigDecimal("0.500"),
                "cpu()",
                "OK",
                Instant.parse("2026-12-08T01:00:00Z"),
                null,
                kind);
    }

    private static ChainedEvent event(
            long seq,
            RequestKind kind,
            String requestId,
            TenantId tenant,
            String actor,
            ActorType type,
            String outcome,
            int status) {
        var event = AuditEvent.builder()
                .occurredAt(Instant.parse("2026-12-08T01:00:00Z").plusSeconds(seq))
                .actor(actor, type)
                .tenant(tenant)
                .action(kind.action())
                .resource(MODEL)
                .outcome(outcome, status)
                .requestId(requestId)
                .build();
        return new ChainedEvent(seq, event, ChainedEvent.GENESIS, "0".repeat(63) + seq);
    }

    private static Caller caller(String name, CallerKind kind, TenantId tenant) {
        return new Caller("sub-" + name, name, null, kind, tenant, Set.of(Role.STAFF));
    }

    /** The chain's queries as security's {@code ChainReader} answers them. */
    private final class ChainInMemory extends AuditTrail {
        @Override
        public List<ChainedEvent> eventsOf(
                String actor, ActorType actorType, TenantId tenant, String action, int limit) {
            return chain.stream()
                    .filter(e -> e.event().actor().equals(actor)
                            && e.event().actorType() == actorType
                            && e.event().tenant().equals(tenant)
                            && e.event().action().equals(action))
                    .sorted(Comparator.comparingLong(ChainedEvent::seq).reversed())
                    .limit(limit)
                    .toList();
        }

        @Override
        public Map<String, Long> firstOutcomes(
                TenantId tenant, String action, String outcome, Collection<String> requestIds) {
            var first = new HashMap<String, Long>();
            chain.stream()
                    .filter(e -> e.event().tenant().equals(tenant)
                            && e.event().action().equals(action)
                            && e.event().outcome().equals(outcome)
                            && requestIds.contains(e.event().requestId()))
                    .forEach(e -> first.merge(e.event().requestId(), e.seq(), Math::min));
            return first;
        }
    }

    private final class LedgerInMemory extends UsageEvents {
        @Override
        public Map<String, UsageEvent> charged(TenantId tenant, Collection<String> requestIds) {
            var charged = new HashMap<String, UsageEvent>();
            ledger.getOrDefault(tenant, Map.of()).forEach((id, event) -> {
                if (requestIds.stream().anyMatch(r -> Objects.equals(r, id))) {
                    charged.put(id, event);
                }
            });
            return charged;
        }
    }
}
