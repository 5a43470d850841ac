package org.citymaas.portal.inference.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.billing.usage.entity.UsageKind;
import org.citymaas.portal.inference.entity.Admission;
import org.citymaas.portal.inference.entity.ChosenRequestId;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class GovernedRequestsTest {

    private static final TenantId TRANSPORT = new TenantId("transport");
    private static final Caller CALLER =
            new Caller("sub-1", "transport-api", null, CallerKind.SERVICE, TRANSPORT, Set.of());

    /** A ledger that remembers which request ids were looked up and knows one charged id. */
    static final class LookedUp extends InferenceLedger {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<UsageEvent> charged(TenantId tenant, String requestId) {
            asked.add(requestId);
            return requestId.equals("charged-before")
                    ? Optional.of(new UsageEvent(
                            tenant,
                            requestId,
                            "transport-api",
                            "traffic-flow-forecast",
                            "1",
                            1,
                            BigDecimal.ONE,
                            "cpu",
                            "OK",
                            Instant.parse("2026-12-01T00:00:00Z"),
                            "a".repeat(64),
                            UsageKind.INFER))
                    : Optional.empty();
        }
    }

    private static GovernedRequests governed(LookedUp ledger) {
        var governed = new GovernedRequests();
        governed.ledger = ledger;
        return governed;
    }

    private static Admission admission(String requestId, boolean madeHere) {
        return new Admission(CALLER, ModelRef.of("traffic-flow-forecast"), null, null, requestId, madeHere, null, null);
    }

    @Test
    void anIdTheServerMadeIsNotLookedUp() {
        var ledger = new LookedUp();

        var previous = governed(ledger).previousCharge(admission("2f1c0b9e-made-here", true));

        assertThat(previous).isEmpty();
        assertThat(ledger.asked).isEmpty();
    }

    @Test
    void aClientsIdIsLookedUpSoThatARetryIsToldApart() {
        var ledger = new LookedUp();

        var previous = governed(ledger).previousCharge(admission("charged-before", false));

        assertThat(previous).map(UsageEvent::requestId).contains("charged-before");
        assertThat(ledger.asked).containsExactly("charged-before");
    }

    @Test
    void theHeaderWinsThenTheRequestsOwnIdAndOnlyThenTheServerMakesOne() {
        var withOwnId = new TensorRequest(Optional.of("body-7"), List.of(), List.of());
        var withoutId = new TensorRequest(Optional.empty(), List.of(), List.of());

        assertThat(ChosenRequestId.of("header-3", withOwnId)).isEqualTo(new ChosenRequestId("header-3", false));
        assertThat(ChosenRequestId.of(null, withOwnId)).isEqualTo(new ChosenRequestId("body-7", false));
        var made = ChosenRequestId.of(null, withoutId);
        assertThat(made.madeHere()).isTrue();
        assertThat(made.id()).matches("[0-9a-f-]{36}");
        assertThat(ChosenRequestId.of(null, withoutId).id()).isNotEqualTo(made.id());
    }
}
