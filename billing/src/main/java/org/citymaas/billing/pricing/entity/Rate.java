package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How one unit is priced on a card.
 *
 * <p>Per unit and package rates have a single unbounded tier: its unit price is the price per unit,
 * or per package. Graduated and volume rates have tiers in ascending order of their ends, the last one
 * unbounded. Flat fees belong to graduated and volume tiers only.
 *
 * @param unit what is counted
 * @param chargeModel how the count is priced
 * @param tiers the price table
 * @param packageSize the units in one package, above zero; null unless the model is {@code PACKAGE}
 * @param freeAllowance units per month that are not charged (zero for none): the month's first units
 */
public record Rate(
        Unit unit, ChargeModel chargeModel, List<Tier> tiers, BigDecimal packageSize, BigDecimal freeAllowance) {

    public Rate {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(chargeModel, "charge model");
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(freeAllowance, "free allowance");
        if (freeAllowance.signum() < 0) {
            throw new IllegalArgumentException("a free allowance cannot be negative: " + freeAllowance);
        }
        requireTiersAscendingToUnbounded(tiers);
        var tiered = chargeModel == ChargeModel.GRADUATED || chargeModel == ChargeModel.VOLUME;
        if (!tiered && tiers.size() != 1) {
            throw new IllegalArgumentException(chargeModel + " has one price, not " + tiers.size() + " tiers");
        }
        if (!tiered && tiers.get(0).flatFee().signum() != 0) {
            throw new IllegalArgumentException(chargeModel + " has no flat fee");
        }
        if (chargeModel == ChargeModel.PACKAGE) {
            Objects.requireNonNull(packageSize, "package size");
            if (packageSize.signum() <= 0) {
                throw new IllegalArgumentException("a package holds more than zero units, not " + packageSize);
            }
        } else if (packageSize != null) {
            throw new IllegalArgumentException(chargeModel + " has no package size");
        }
    }

    public static Rate perUnit(Unit unit, String unitPrice) {
        return new Rate(unit, ChargeModel.PER_UNIT, List.of(Tier.above(unitPrice)), null, BigDecimal.ZERO);
    }

    public static Rate graduated(Unit unit, Tier... tiers) {
        return new Rate(unit, ChargeModel.GRADUATED, Arrays.asList(tiers), null, BigDecimal.ZERO);
    }

    public static Rate volume(Unit unit, Tier... tiers) {
        return new Rate(unit, ChargeModel.VOLUME, Arrays.asList(tiers), null, BigDecimal.ZERO);
    }

    public static Rate perPackage(Unit unit, String packageSize, String packagePrice) {
        return new Rate(
                unit,
                ChargeModel.PACKAGE,
                List.of(Tier.above(packagePrice)),
                new BigDecimal(packageSize),
                BigDecimal.ZERO);
    }

    public Rate withFreeAllowance(String units) {
        return new Rate(unit, chargeModel, tiers, packageSize, new BigDecimal(units));
    }

    private static void requireTiersAscendingToUnbounded(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a rate has at least one tier");
        }
        if (!tiers.get(tiers.size() - 1).isUnbounded()) {
            throw new IllegalArgumentException("the last tier has no end");
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (var tier : tiers.subList(0, tiers.size() - 1)) {
            if (tier.isUnbounded()) {
                throw new IllegalArgumentException("only the last tier is unbounded");
            }
            if (tier.upTo().compareTo(previous) <= 0) {
                throw new IllegalArgumentException("tiers ascend: " + tier.upTo() + " after " + previous);
            }
            previous = tier.upTo();
        }
    }
}
