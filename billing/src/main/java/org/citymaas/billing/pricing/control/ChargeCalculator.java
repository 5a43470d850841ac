package org.citymaas.billing.pricing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.citymaas.billing.pricing.entity.ChargeLine;
import org.citymaas.billing.pricing.entity.LineKind;
import org.citymaas.billing.pricing.entity.MonthlyCharge;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.pricing.entity.Unit;

/**
 * What a subscription's month costs under a price card.
 *
 * <p>Per unit the card prices and the month used, one usage line. The free allowance comes first: it
 * waives the month's first units. Tier boundaries count the month's whole quantity, free units
 * included, so an allowance can use up the first tiers and part of the next one. Then the charge model:
 *
 * <ul>
 *   <li>per unit: charged units × price;
 *   <li>graduated: the charged units in each tier at that tier's price, plus the flat fee of each tier
 *       with a charged unit in it;
 *   <li>volume: all charged units at the price of the tier the month's quantity lands in (the first
 *       tier whose end is at or above it), plus that tier's flat fee;
 *   <li>package: ⌈charged units ÷ package size⌉ × package price.
 * </ul>
 *
 * <p>When the card has a monthly minimum and the month's rounded lines add up to less, a true-up line
 * makes up the difference; a month without usage pays the minimum. {@link Rounding} says where amounts
 * are rounded.
 */
public final class ChargeCalculator {

    /**
     * The month's charges.
     *
     * @param quantities the month's quantity per unit (zero or more); units the card does not price
     *     are not charged, units without a quantity count as unused
     */
    public MonthlyCharge charge(PriceCard card, YearMonth month, Map<Unit, BigDecimal> quantities) {
        Objects.requireNonNull(card, "card");
        var lines = new ArrayList<ChargeLine>();
        for (var rate : card.rates()) {
            var quantity = quantities.getOrDefault(rate.unit(), BigDecimal.ZERO);
            if (quantity.signum() < 0) {
                throw new IllegalArgumentException(rate.unit() + " quantity cannot be negative: " + quantity);
            }
            if (quantity.signum() > 0) {
                lines.add(line(rate, quantity));
            }
        }
        if (card.hasMonthlyMinimum()) {
            var total = lines.stream().map(ChargeLine::rounded).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(card.monthlyMinimum()) < 0) {
                lines.add(ChargeLine.inFen(
                        LineKind.MINIMUM_TRUE_UP,
                        Rounding.toFen(card.monthlyMinimum().subtract(total))));
            }
        }
        return new MonthlyCharge(card, month, lines);
    }

    /** One unit's usage line: the allowance, then the charge model, then one rounding to the fen. */
    public ChargeLine line(Rate rate, BigDecimal quantity) {
        var free = quantity.min(rate.freeAllowance());
        var tiers = switch (rate.chargeModel()) {
            case PER_UNIT ->
                List.of(tierCharge(1, quantity.subtract(free), rate.tiers().get(0)));
            case GRADUATED -> graduated(rate.tiers(), free, quantity);
            case VOLUME -> volume(rate.tiers(), free, quantity);
            case PACKAGE -> packages(rate, quantity.subtract(free));
        };
        var amount = tiers.stream().map(TierCharge::amount).reduce(Rounding.exact(BigDecimal.ZERO), BigDecimal::add);
        return new ChargeLine(LineKind.USAGE, rate.unit(), quantity, free, tiers, amount, Rounding.toFen(amount));
    }

    /** The charged units are those above {@code free}, up to {@code quantity}; each tier takes its share. */
    private static List<TierCharge> graduated(List<Tier> tiers, BigDecimal free, BigDecimal quantity) {
        var charges = new ArrayList<TierCharge>();
        var start = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            var tier = tiers.get(i);
            var end = tier.isUnbounded() ? quantity : quantity.min(tier.upTo());
            var inTier = end.subtract(start.max(free));
            if (inTier.signum() > 0) {
                charges.add(tierChargeWithFee(i + 1, inTier, tier));
            }
            if (tier.isUnbounded() || tier.upTo().compareTo(quantity) >= 0) {
                break;
            }
            start = tier.upTo();
        }
        return charges;
    }

    private static List<TierCharge> volume(List<Tier> tiers, BigDecimal free, BigDecimal quantity) {
        var charged = quantity.subtract(free);
        if (charged.signum() == 0) {
            return List.of();
        }
        for (int i = 0; i < tiers.size(); i++) {
            var tier = tiers.get(i);
            if (tier.isUnbounded() || tier.upTo().compareTo(quantity) >= 0) {
                return List.of(tierChargeWithFee(i + 1, charged, tier));
            }
        }
        throw new IllegalStateException("a rate's last tier is unbounded");
    }

    private static List<TierCharge> packages(Rate rate, BigDecimal charged) {
        var count = charged.divide(rate.packageSize(), 0, RoundingMode.CEILING);
        return List.of(tierCharge(1, count, rate.tiers().get(0)));
    }

    private static TierCharge tierCharge(int index, BigDecimal quantity, Tier tier) {
        return new TierCharge(
                index,
                quantity,
                tier.unitPrice(),
                BigDecimal.ZERO,
                Rounding.exact(quantity.multiply(tier.unitPrice())));
    }

    private static TierCharge tierChargeWithFee(int index, BigDecimal quantity, Tier tier) {
        var amount = Rounding.exact(quantity.multiply(tier.unitPrice())).add(tier.flatFee());
        return new TierCharge(index, quantity, tier.unitPrice(), tier.flatFee(), Rounding.exact(amount));
    }
}
