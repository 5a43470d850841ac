package org.citymaas.billing.pricing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCardTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    @Test
    void requiresAnEffectiveFromMonth() {
        assertThatThrownBy(() -> PriceCard.forModel("hotline-triage", null, Rate.perUnit(Unit.REQUEST, "0.1")))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void pricesEachUnitOnce() {
        assertThatThrownBy(() -> PriceCard.forModel(
                        "hotline-triage", MONTH, Rate.perUnit(Unit.REQUEST, "0.1"), Rate.perUnit(Unit.REQUEST, "0.2")))
                .isInstanceOf(IllegalArgumentException.class);
        var card = PriceCard.forModel(
                "hotline-triage", MONTH, Rate.perUnit(Unit.CPU_SECOND, "0.1"), Rate.perUnit(Unit.GPU_SECOND, "0.2"));
        assertThat(card.rate(Unit.GPU_SECOND).orElseThrow().tiers().get(0).unitPrice())
                .isEqualByComparingTo("0.2");
        assertThat(card.rate(Unit.ROW)).isEmpty();
    }

    @Test
    void aMonthlyMinimumIsZeroOrMoreInFen() {
        var card = PriceCard.forModel("hotline-triage", MONTH, Rate.perUnit(Unit.REQUEST, "0.1"));

        assertThatThrownBy(() -> card.withMonthlyMinimum("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> card.withMonthlyMinimum("10.005")).isInstanceOf(IllegalArgumentException.class);
        assertThat(card.hasMonthlyMinimum()).isFalse();
        assertThat(card.withMonthlyMinimum("10.50").hasMonthlyMinimum()).isTrue();
    }

    @Test
    void aVersionCardNamesItsVersion() {
        assertThatThrownBy(() -> new PriceCard(
                        "hotline-triage", " ", MONTH, List.of(Rate.perUnit(Unit.REQUEST, "0.1")), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PriceCard.forVersion("hotline-triage", "3", MONTH, Rate.perUnit(Unit.REQUEST, "0.1"))
                        .isVersionSpecific())
                .isTrue();
    }
}
