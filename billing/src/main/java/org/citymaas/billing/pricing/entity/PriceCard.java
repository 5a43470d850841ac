package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's prices from a month (Asia/Shanghai) onward, until a later card supersedes it. A card that
 * has billed a month is never edited: a new card with a later month takes over.
 *
 * @param model the catalog model priced
 * @param version the one version priced, or null for every version without a card of its own
 * @param effectiveFrom the first month the card prices
 * @param rates at most one per unit; a unit without a rate is not charged
 * @param monthlyMinimum CNY a subscription pays at least per month under this card, in fen (zero for
 *     none)
 */
public record PriceCard(
        String model, String version, YearMonth effectiveFrom, List<Rate> rates, BigDecimal monthlyMinimum) {

    public PriceCard {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a price card names its model");
        }
        if (version != null && version.isBlank()) {
            throw new IllegalArgumentException("a version-specific card names its version");
        }
        Objects.requireNonNull(effectiveFrom, "effective-from month");
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("a price card has at least one rate");
        }
        var units = EnumSet.noneOf(Unit.class);
        for (var rate : rates) {
            if (!units.add(rate.unit())) {
                throw new IllegalArgumentException("one rate per unit; " + rate.unit() + " has two");
            }
        }
        Objects.requireNonNull(monthlyMinimum, "monthly minimum");
        if (monthlyMinimum.signum() < 0 || monthlyMinimum.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "a monthly minimum is zero or more, in fen: " + monthlyMinimum.toPlainString());
        }
    }

    /** A card for every version of a model, without a monthly minimum. */
    public static PriceCard forModel(String model, YearMonth effectiveFrom, Rate... rates) {
        return new PriceCard(model, null, effectiveFrom, List.of(rates), BigDecimal.ZERO);
    }

    /** A card for one version of a model, without a monthly minimum. */
    public static PriceCard forVersion(String model, String version, YearMonth effectiveFrom, Rate... rates) {
        return new PriceCard(model, version, effectiveFrom, List.of(rates), BigDecimal.ZERO);
    }

    public PriceCard withMonthlyMinimum(String cny) {
        return new PriceCard(model, version, effectiveFrom, rates, new BigDecimal(cny));
    }

    public boolean isVersionSpecific() {
        return version != null;
    }

    public boolean hasMonthlyMinimum() {
        return monthlyMinimum.signum() > 0;
    }

    public Optional<Rate> rate(Unit unit) {
        return rates.stream().filter(r -> r.unit() == unit).findFirst();
    }

    /** Whether the card and another price the same model and version from the same month. */
    public boolean sameSlotAs(PriceCard other) {
        return model.equals(other.model)
                && Objects.equals(version, other.version)
                && effectiveFrom.equals(other.effectiveFrom);
    }
}
