package org.citymaas.billing.pricing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeLineTest {

    private static TierCharge tier(String amount) {
        return new TierCharge(1, BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO, new BigDecimal(amount));
    }

    @Test
    void aUsageLineIsTheSumOfItsTiersRoundedToTheFen() {
        var amount = new BigDecimal("1.234500000");

        assertThat(new ChargeLine(
                                LineKind.USAGE,
                                Unit.ROW,
                                BigDecimal.ONE,
                                BigDecimal.ZERO,
                                List.of(tier("1.234500000")),
                                amount,
                                new BigDecimal("1.23"))
                        .rounded())
                .isEqualTo(new BigDecimal("1.23"));
        assertThatThrownBy(() -> new ChargeLine(
                        LineKind.USAGE,
                        Unit.ROW,
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        List.of(tier("1.000000000")),
                        amount,
                        new BigDecimal("1.23")))
                .as("tiers do not add up")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChargeLine(
                        LineKind.USAGE,
                        Unit.ROW,
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        List.of(tier("1.234500000")),
                        amount,
                        new BigDecimal("1.30")))
                .as("not the rounded amount")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChargeLine(
                        LineKind.USAGE,
                        Unit.ROW,
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        List.of(tier("1.2345")),
                        new BigDecimal("1.2345"),
                        new BigDecimal("1.23")))
                .as("not at scale 9")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trueUpAndRoundingLinesAreInFenWithoutAUnit() {
        var line = ChargeLine.inFen(LineKind.ROUNDING, new BigDecimal("-0.01"));

        assertThat(line.unit()).isNull();
        assertThat(line.amount()).isEqualTo(new BigDecimal("-0.010000000"));
        assertThatThrownBy(() -> ChargeLine.inFen(LineKind.USAGE, new BigDecimal("0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChargeLine.inFen(LineKind.MINIMUM_TRUE_UP, new BigDecimal("0.015")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
