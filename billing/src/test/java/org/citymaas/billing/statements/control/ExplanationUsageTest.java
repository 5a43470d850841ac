package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.TreeMap;
import org.citymaas.billing.pricing.control.PriceBook;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.usage.entity.UsageKind;
import org.junit.jupiter.api.Test;

/** Explanations are their own unit: requests and rows count inferences, compute seconds count both. */
class ExplanationUsageTest {

    private static final Instant AT = Instant.parse("2026-05-03T00:00:00Z");
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final Subscription HEALTH = new Subscription("health-risk", "1");

    private static SubscriptionUsage mixed() {
        var usage = new SubscriptionUsage();
        usage.add("a-infer", 3, new BigDecimal("2000"), "cpu()", AT, UsageKind.INFER);
        usage.add("b-explain", 2, new BigDecimal("6000"), "cpu()", AT, UsageKind.EXPLAIN);
        usage.add("c-explain", 1, new BigDecimal("4000"), "gpu(0)", AT, UsageKind.EXPLAIN);
        usage.add("d-infer", 1, new BigDecimal("1000"), "cpu()", AT);
        return usage;
    }

    @Test
    void explainedRowsAreTheirOwnQuantityAndNotRequestsOrRows() {
        var quantities = mixed().quantities();

        assertThat(quantities.get(Unit.REQUEST)).isEqualByComparingTo("2");
        assertThat(quantities.get(Unit.ROW)).isEqualByComparingTo("4");
        assertThat(quantities.get(Unit.EXPLANATION)).isEqualByComparingTo("3");
        assertThat(quantities.get(Unit.CPU_SECOND))
                .as("compute is compute, whatever it was for")
                .isEqualByComparingTo("9");
        assertThat(quantities.get(Unit.GPU_SECOND)).isEqualByComparingTo("4");
    }

    @Test
    void aCardThatPricesExplanationsGivesThemALineOfTheirOwnCitingOnlyTheExplanations() {
        var book = PriceBook.of(PriceCard.forModel(
                "health-risk",
                YearMonth.of(2026, 1),
                Rate.perUnit(Unit.REQUEST, "1.00"),
                Rate.perUnit(Unit.EXPLANATION, "0.50")));
        var usage = new TreeMap<Subscription, SubscriptionUsage>();
        usage.put(HEALTH, mixed());

        var lines = new StatementLines().usage(book, MAY, usage);

        assertThat(lines).extracting(StatementLine::unit).containsExactly(Unit.REQUEST, Unit.EXPLANATION);
        var requests = lines.get(0);
        var explanations = lines.get(1);
        assertThat(requests.quantity()).isEqualByComparingTo("2");
        assertThat(requests.rounded()).isEqualByComparingTo("2.00");
        assertThat(requests.citation().requests()).isEqualTo(2);
        assertThat(explanations.quantity()).isEqualByComparingTo("3");
        assertThat(explanations.rounded()).isEqualByComparingTo("1.50");
        assertThat(explanations.citation().requests()).isEqualTo(2);
        assertThat(explanations.citation().lastRequestId()).isEqualTo("c-explain");
        assertThat(explanations.rows()).isEqualTo(3);
        assertThat(explanations.computeMillis()).isEqualByComparingTo("10000");
    }

    @Test
    void aCardWithoutAnExplanationRateDoesNotChargeExplainedRowsAsRequests() {
        var book = PriceBook.of(
                PriceCard.forModel("health-risk", YearMonth.of(2026, 1), Rate.perUnit(Unit.REQUEST, "1.00")));
        var usage = new TreeMap<Subscription, SubscriptionUsage>();
        usage.put(HEALTH, mixed());

        var lines = new StatementLines().usage(book, MAY, usage);

        assertThat(lines).extracting(StatementLine::unit).containsExactly(Unit.REQUEST);
        assertThat(lines.get(0).quantity()).isEqualByComparingTo("2");
    }
}
