package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one tier of a rate charged on a line.
 *
 * @param tier the tier's place in the rate, from 1
 * @param quantity the units charged at this tier's price (packages, for a package rate)
 * @param unitPrice the tier's price per unit (or package)
 * @param flatFee the tier's flat fee, charged on this line (zero for none)
 * @param amount quantity times unit price plus flat fee, CNY at scale 9
 */
public record TierCharge(int tier, BigDecimal quantity, BigDecimal unitPrice, BigDecimal flatFee, BigDecimal amount) {

    public TierCharge {
        if (tier < 1) {
            throw new IllegalArgumentException("tiers count from 1");
        }
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unit price");
        Objects.requireNonNull(flatFee, "flat fee");
        ChargeLine.requireScale(amount, ChargeLine.EXACT_SCALE);
    }
}
