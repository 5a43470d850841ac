package org.citymaas.billing.pricing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void refusesNegativePricesAndFees() {
        assertThatThrownBy(() -> Rate.perUnit(Unit.ROW, "-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tier.above("0.1").withFlatFee("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPricesFinerThanScaleNine() {
        assertThatThrownBy(() -> Rate.perUnit(Unit.ROW, "0.0000000001")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rate.perUnit(Unit.ROW, "0.0000000010").tiers()).hasSize(1);
    }

    @Test
    void tiersAscendToAnUnboundedLastTier() {
        assertThatThrownBy(() -> Rate.graduated(
                        Unit.REQUEST, Tier.upTo("100", "0.1"), Tier.upTo("100", "0.05"), Tier.above("0.01")))
                .as("not ascending")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.volume(Unit.REQUEST, Tier.upTo("100", "0.1"), Tier.upTo("1000", "0.05")))
                .as("last tier bounded")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.volume(Unit.REQUEST, Tier.above("0.1"), Tier.above("0.05")))
                .as("unbounded tier before the last")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.graduated(Unit.REQUEST)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rate.graduated(Unit.REQUEST, Tier.upTo("100", "0.1"), Tier.above("0.05"))
                        .tiers())
                .hasSize(2);
    }

    @Test
    void aPackageHoldsMoreThanZeroUnits() {
        assertThatThrownBy(() -> Rate.perPackage(Unit.GPU_SECOND, "0", "10"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(
                        Unit.GPU_SECOND, ChargeModel.PACKAGE, List.of(Tier.above("10")), null, BigDecimal.ZERO))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Rate(
                        Unit.ROW, ChargeModel.PER_UNIT, List.of(Tier.above("10")), BigDecimal.TEN, BigDecimal.ZERO))
                .as("only packages have a size")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perUnitAndPackageRatesHaveOnePriceAndNoFlatFee() {
        assertThatThrownBy(() -> new Rate(
                        Unit.ROW,
                        ChargeModel.PER_UNIT,
                        List.of(Tier.upTo("10", "1"), Tier.above("0.5")),
                        null,
                        BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(
                        Unit.ROW,
                        ChargeModel.PER_UNIT,
                        List.of(Tier.above("1").withFlatFee("5")),
                        null,
                        BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANegativeAllowance() {
        assertThatThrownBy(() -> Rate.perUnit(Unit.ROW, "0.01").withFreeAllowance("-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
