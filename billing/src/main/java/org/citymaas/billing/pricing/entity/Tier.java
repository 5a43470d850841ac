package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a rate's price table.
 *
 * @param upTo the month's quantity up to which (inclusive) this tier applies, counted from zero; null
 *     for the last tier, which has no end
 * @param unitPrice CNY per unit (or per package), at most 9 decimals
 * @param flatFee CNY charged once when the month reaches this tier (zero for none), at most 9 decimals
 */
public record Tier(BigDecimal upTo, BigDecimal unitPrice, BigDecimal flatFee) {

    /** The most decimals a price may have: amounts are computed at this scale. */
    public static final int PRICE_SCALE = 9;

    public Tier {
        if (upTo != null && upTo.signum() <= 0) {
            throw new IllegalArgumentException("a tier ends above zero, not at " + upTo);
        }
        requirePrice(unitPrice, "unit price");
        requirePrice(flatFee, "flat fee");
    }

    /** A tier up to a quantity, without a flat fee. */
    public static Tier upTo(String upTo, String unitPrice) {
        return new Tier(new BigDecimal(upTo), new BigDecimal(unitPrice), BigDecimal.ZERO);
    }

    /** The last tier, without an end or a flat fee. */
    public static Tier above(String unitPrice) {
        return new Tier(null, new BigDecimal(unitPrice), BigDecimal.ZERO);
    }

    public Tier withFlatFee(String flatFee) {
        return new Tier(upTo, unitPrice, new BigDecimal(flatFee));
    }

    public boolean isUnbounded() {
        return upTo == null;
    }

    static void requirePrice(BigDecimal price, String what) {
        Objects.requireNonNull(price, what);
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a " + what + " cannot be negative: " + price);
        }
        if (price.stripTrailingZeros().scale() > PRICE_SCALE) {
            throw new IllegalArgumentException(
                    "a " + what + " has at most " + PRICE_SCALE + " decimals: " + price.toPlainString());
        }
    }
}
