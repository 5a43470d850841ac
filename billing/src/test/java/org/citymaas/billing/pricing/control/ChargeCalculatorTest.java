package org.citymaas.billing.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import org.citymaas.billing.pricing.entity.ChargeLine;
import org.citymaas.billing.pricing.entity.LineKind;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.pricing.entity.Unit;
import org.junit.jupiter.api.Test;

class ChargeCalculatorTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private final ChargeCalculator calculator = new ChargeCalculator();

    /** Up to 1,000 at 0.10, up to 10,000 at 0.08, above at 0.05. */
    private static Tier[] requestTiers() {
        return new Tier[] {Tier.upTo("1000", "0.10"), Tier.upTo("10000", "0.08"), Tier.above("0.05")};
    }

    private ChargeLine line(Rate rate, String quantity) {
        return calculator.line(rate, new BigDecimal(quantity));
    }

    @Test
    void perUnitChargesEveryUnitAtOnePrice() {
        var line = line(Rate.perUnit(Unit.ROW, "0.002"), "12345");

        // 12,345 × 0.002 = 24.69
        assertThat(line.amount()).isEqualByComparingTo("24.690");
        assertThat(line.amount().scale()).isEqualTo(9);
        assertThat(line.rounded()).isEqualTo(new BigDecimal("24.69"));
    }

    @Test
    void graduatedChargesEachTierAtItsOwnPrice() {
        var line = line(Rate.graduated(Unit.REQUEST, requestTiers()), "12000");

        // 1,000 × 0.10 + 9,000 × 0.08 + 2,000 × 0.05 = 100 + 720 + 100
        assertThat(line.rounded()).isEqualTo(new BigDecimal("920.00"));
        assertThat(line.tiers())
                .extracting(
                        TierCharge::tier,
                        t -> t.quantity().intValue(),
                        t -> t.amount().doubleValue())
                .containsExactly(tuple(1, 1000, 100.0), tuple(2, 9000, 720.0), tuple(3, 2000, 100.0));
    }

    @Test
    void graduatedAddsTheFlatFeeOfEachTierReached() {
        var tiers = requestTiers();
        tiers[1] = tiers[1].withFlatFee("5");
        tiers[2] = tiers[2].withFlatFee("7");
        var rate = Rate.graduated(Unit.REQUEST, tiers);

        // 100 + 2,000 × 0.08 + 5; the third tier is not reached
        assertThat(line(rate, "3000").rounded()).isEqualTo(new BigDecimal("265.00"));
        // 920 + 5 + 7
        assertThat(line(rate, "12000").rounded()).isEqualTo(new BigDecimal("932.00"));
    }

    @Test
    void volumeChargesTheWholeQuantityAtThePriceOfTheTierItLandsIn() {
        var rate = Rate.volume(Unit.REQUEST, requestTiers());

        assertThat(line(rate, "12000").rounded()).as("12,000 × 0.05").isEqualTo(new BigDecimal("600.00"));
        assertThat(line(rate, "10000").rounded())
                .as("a tier's end is inclusive: 10,000 × 0.08")
                .isEqualTo(new BigDecimal("800.00"));
        assertThat(line(rate, "10001").rounded()).as("10,001 × 0.05").isEqualTo(new BigDecimal("500.05"));
        assertThat(line(rate, "999").rounded()).as("999 × 0.10").isEqualTo(new BigDecimal("99.90"));
    }

    @Test
    void volumeAddsTheFlatFeeOfTheTierItLandsInOnly() {
        var tiers = requestTiers();
        tiers[0] = tiers[0].withFlatFee("3");
        tiers[2] = tiers[2].withFlatFee("20");

        // 12,000 × 0.05 + 20
        assertThat(line(Rate.volume(Unit.REQUEST, tiers), "12000").rounded()).isEqualTo(new BigDecimal("620.00"));
    }

    @Test
    void packageChargesEveryStartedBlock() {
        var rate = Rate.perPackage(Unit.GPU_SECOND, "3600", "12.50");

        assertThat(line(rate, "7201.5").rounded()).as("3 blocks").isEqualTo(new BigDecimal("37.50"));
        assertThat(line(rate, "7200").rounded()).as("exactly 2 blocks").isEqualTo(new BigDecimal("25.00"));
        assertThat(line(rate, "0.001").rounded()).as("1 block").isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void theAllowanceWaivesTheFirstUnitsBeforeAPerUnitOrPackagePrice() {
        var perUnit = Rate.perUnit(Unit.ROW, "0.002").withFreeAllowance("1000");
        var packages = Rate.perPackage(Unit.GPU_SECOND, "3600", "12.50").withFreeAllowance("3600");

        assertThat(line(perUnit, "12345").rounded()).as("11,345 × 0.002").isEqualTo(new BigDecimal("22.69"));
        assertThat(line(perUnit, "12345").freeQuantity()).isEqualByComparingTo("1000");
        assertThat(line(perUnit, "800").rounded()).isEqualTo(new BigDecimal("0.00"));
        assertThat(line(packages, "7201.5").rounded()).as("3,601.5 s: 2 blocks").isEqualTo(new BigDecimal("25.00"));
    }

    @Test
    void anAllowanceSpanningTiersLeavesTheChargedUnitsInTheTiersTheyFallIn() {
        var tiers = requestTiers();
        tiers[0] = tiers[0].withFlatFee("3");
        var rate = Rate.graduated(Unit.REQUEST, tiers).withFreeAllowance("1500");

        var line = line(rate, "12000");

        // all of tier 1 and 500 of tier 2 are free: 8,500 × 0.08 + 2,000 × 0.05 = 680 + 100; no tier-1 fee
        assertThat(line.rounded()).isEqualTo(new BigDecimal("780.00"));
        assertThat(line.freeQuantity()).isEqualByComparingTo("1500");
        assertThat(line.tiers()).extracting(TierCharge::tier).containsExactly(2, 3);
        assertThat(line.tiers().get(0).quantity()).isEqualByComparingTo("8500");
    }

    @Test
    void volumeWithAnAllowancePricesTheChargedUnitsByTheMonthsWholeQuantity() {
        var rate = Rate.volume(Unit.REQUEST, requestTiers()).withFreeAllowance("1500");

        // 12,000 lands in tier 3: (12,000 − 1,500) × 0.05
        assertThat(line(rate, "12000").rounded()).isEqualTo(new BigDecimal("525.00"));
        assertThat(line(rate, "1200").rounded()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void cpuAndGpuSecondsArePricedSeparately() {
        var card = PriceCard.forModel(
                "traffic-flow-forecast",
                MONTH,
                Rate.perUnit(Unit.CPU_SECOND, "0.0004"),
                Rate.perUnit(Unit.GPU_SECOND, "0.004"));

        var charge = calculator.charge(
                card,
                MONTH,
                Map.of(
                        Unit.CPU_SECOND, new BigDecimal("1000.5"),
                        Unit.GPU_SECOND, new BigDecimal("1234.567"),
                        Unit.ROW, new BigDecimal("99")));

        // 0.40020 → 0.40; 4.938268 → 4.94; rows are not on the card
        assertThat(charge.lines()).extracting(ChargeLine::unit).containsExactly(Unit.CPU_SECOND, Unit.GPU_SECOND);
        assertThat(charge.lines())
                .extracting(ChargeLine::rounded)
                .containsExactly(new BigDecimal("0.40"), new BigDecimal("4.94"));
        assertThat(charge.total()).isEqualTo(new BigDecimal("5.34"));
    }

    @Test
    void aMonthBelowTheMinimumGetsATrueUpToTheMinimum() {
        var card = PriceCard.forModel("air-quality-forecast", MONTH, Rate.perUnit(Unit.ROW, "0.002"))
                .withMonthlyMinimum("50.00");

        var charge = calculator.charge(card, MONTH, Map.of(Unit.ROW, new BigDecimal("12345")));

        // 50.00 − 24.69
        assertThat(charge.lines())
                .extracting(ChargeLine::kind)
                .containsExactly(LineKind.USAGE, LineKind.MINIMUM_TRUE_UP);
        assertThat(charge.lines().get(1).rounded()).isEqualTo(new BigDecimal("25.31"));
        assertThat(charge.total()).isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void aMonthAtOrAboveTheMinimumHasNoTrueUpAndAnUnusedMonthPaysTheMinimum() {
        var card = PriceCard.forModel("air-quality-forecast", MONTH, Rate.perUnit(Unit.ROW, "0.002"))
                .withMonthlyMinimum("50");

        var exactly = calculator.charge(card, MONTH, Map.of(Unit.ROW, new BigDecimal("25000")));
        var unused = calculator.charge(card, MONTH, Map.of());

        assertThat(exactly.lines()).extracting(ChargeLine::kind).containsExactly(LineKind.USAGE);
        assertThat(exactly.total()).isEqualTo(new BigDecimal("50.00"));
        assertThat(unused.lines()).extracting(ChargeLine::kind).containsExactly(LineKind.MINIMUM_TRUE_UP);
        assertThat(unused.total()).isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void refusesANegativeQuantity() {
        var card = PriceCard.forModel("air-quality-forecast", MONTH, Rate.perUnit(Unit.ROW, "0.002"));

        assertThatThrownBy(() -> calculator.charge(card, MONTH, Map.of(Unit.ROW, new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
