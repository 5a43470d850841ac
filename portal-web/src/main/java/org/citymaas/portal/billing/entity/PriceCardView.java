package org.citymaas.portal.billing.entity;

import java.util.List;
import org.citymaas.billing.pricing.entity.StoredPriceCard;

/**
 * A stored price card as the API shows it.
 *
 * @param id its id
 * @param model the model
 * @param version the version, or null for every version
 * @param effectiveFrom the first month it prices, YYYY-MM
 * @param monthlyMinimum the monthly minimum, CNY
 * @param rates each unit's price
 * @param createdBy who added it
 * @param createdAt when
 */
public record PriceCardView(
        long id,
        String model,
        String version,
        String effectiveFrom,
        String monthlyMinimum,
        List<RateView> rates,
        String createdBy,
        String createdAt) {

    /** One unit's price: tiers as {@code upTo:unitPrice (+ flatFee)}, {@code upTo} empty on the last, as the form takes them. */
    public record RateView(
            String unit, String chargeModel, List<String> tiers, String packageSize, String freeAllowance) {}

    public static PriceCardView of(StoredPriceCard stored) {
        var card = stored.card();
        return new PriceCardView(
                stored.id(),
                card.model(),
                card.version(),
                card.effectiveFrom().toString(),
                card.monthlyMinimum().toPlainString(),
                card.rates().stream()
                        .map(r -> new RateView(
                                r.unit().name(),
                                r.chargeModel().name(),
                                r.tiers().stream()
                                        .map(t -> (t.upTo() == null
                                                        ? ""
                                                        : t.upTo().toPlainString()) + ": "
                                                + t.unitPrice().toPlainString()
                                                + (t.flatFee().signum() == 0
                                                        ? ""
                                                        : " + " + t.flatFee().toPlainString()))
                                        .toList(),
                                r.packageSize() == null ? null : plain(r.packageSize()),
                                plain(r.freeAllowance())))
                        .toList(),
                stored.createdBy(),
                stored.createdAt().toString());
    }

    /** A quantity or price without trailing zeros: 0.9, not 0.900000000. */
    private static String plain(java.math.BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
