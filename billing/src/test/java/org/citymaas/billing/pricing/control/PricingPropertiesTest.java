package org.citymaas.billing.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.pricing.entity.Unit;
import org.junit.jupiter.api.Test;

/** Generated tier tables and quantities from a fixed seed, so a failure reproduces. */
class PricingPropertiesTest {

    private static final int TABLES = 300;
    private static final int QUANTITIES = 40;

    private final ChargeCalculator calculator = new ChargeCalculator();

    @Test
    void graduatedCostNeverFallsAsQuantityGrows() {
        var random = new Random(20261207L);
        for (int t = 0; t < TABLES; t++) {
            var rate = randomGraduated(random);
            var quantity = BigDecimal.ZERO;
            var previous = BigDecimal.ZERO;
            for (int q = 0; q < QUANTITIES * 5; q++) {
                quantity = quantity.add(randomQuantity(random, 60));
                var amount = calculator.line(rate, quantity).amount();
                assertThat(amount).as("%s at %s", rate, quantity).isGreaterThanOrEqualTo(previous);
                previous = amount;
            }
        }
    }

    @Test
    void graduatedCostIsTheSumOverTiersOfTheChargedUnitsInEach() {
        var random = new Random(7L);
        for (int t = 0; t < TABLES; t++) {
            var rate = randomGraduated(random);
            for (int q = 0; q < QUANTITIES; q++) {
                var quantity = randomQuantity(random, 6000);
                var line = calculator.line(rate, quantity);
                assertThat(line.amount()).as("%s at %s", rate, quantity).isEqualTo(sumOverTiers(rate, quantity));
                assertThat(line.tiers().stream().map(TierCharge::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as("charged units of %s at %s", rate, quantity)
                        .isEqualByComparingTo(quantity.subtract(line.freeQuantity()));
            }
        }
    }

    @Test
    void perUnitCostIsQuantityTimesPriceExactlyAtScaleNine() {
        var random = new Random(42L);
        for (int t = 0; t < TABLES * QUANTITIES; t++) {
            var whole = random.nextBoolean();
            // whole quantities with 9-decimal prices, or millisecond quantities with 6-decimal prices: the
            // product always fits scale 9, so nothing may be lost
            var price = BigDecimal.valueOf(random.nextInt(100_000_000), whole ? 9 : 6);
            var quantity = BigDecimal.valueOf(random.nextInt(10_000_000), whole ? 0 : 3);
            var line = calculator.line(Rate.perUnit(Unit.CPU_SECOND, price.toPlainString()), quantity);

            assertThat(line.amount().scale()).isEqualTo(9);
            assertThat(line.amount()).as("%s × %s", quantity, price).isEqualByComparingTo(quantity.multiply(price));
        }
    }

    /** The reference: each tier's units among (allowance, quantity], priced on their own, plus the fee. */
    private static BigDecimal sumOverTiers(Rate rate, BigDecimal quantity) {
        var free = rate.freeAllowance();
        var sum = BigDecimal.ZERO.setScale(9);
        var lower = BigDecimal.ZERO;
        for (var tier : rate.tiers()) {
            var upper = tier.isUnbounded() ? quantity.max(lower) : tier.upTo();
            var units = quantity.min(upper).subtract(free.max(lower)).max(BigDecimal.ZERO);
            if (units.signum() > 0) {
                sum = sum.add(units.multiply(tier.unitPrice()).setScale(9, RoundingMode.HALF_UP))
                        .add(tier.flatFee());
            }
            lower = upper;
        }
        return sum;
    }

    private static Rate randomGraduated(Random random) {
        var tiers = new ArrayList<Tier>();
        var end = 0;
        var count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            end += 1 + random.nextInt(1500);
            var last = i == count - 1;
            var scale = random.nextInt(10);
            var price = BigDecimal.valueOf(
                    random.nextLong(10 * BigInteger.TEN.pow(scale).longValueExact()), scale);
            var fee = random.nextInt(4) == 0 ? BigDecimal.valueOf(random.nextInt(10_000), 2) : BigDecimal.ZERO;
            tiers.add(new Tier(last ? null : BigDecimal.valueOf(end), price, fee));
        }
        var allowance = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(3000)) : BigDecimal.ZERO;
        return new Rate(Unit.REQUEST, ChargeModel.GRADUATED, List.copyOf(tiers), null, allowance);
    }

    /** A whole quantity, or one with millisecond decimals. */
    private static BigDecimal randomQuantity(Random random, int bound) {
        return random.nextBoolean()
                ? BigDecimal.valueOf(random.nextInt(bound))
                : BigDecimal.valueOf(random.nextInt(bound * 1000), 3);
    }
}
