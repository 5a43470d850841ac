package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.pricing.boundary.PriceCards;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.StoredPriceCard;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.billing.entity.NewPriceCard;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.identity.entity.Caller;

/**
 * The price cards platform admins set: each prices a catalog model (or one version) from a month
 * onward and is never edited, only superseded by a later one. Every new card is audited.
 */
@ApplicationScoped
public class PriceList {

    @Inject
    PriceCards cards;

    @Inject
    Catalog catalog;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** Every card, current, past and scheduled. */
    public List<StoredPriceCard> all() {
        return cards.all();
    }

    /**
     * Adds a card.
     *
     * @throws UnknownModelException a model or version the catalog does not have
     * @throws InvalidParameterException a card no price may be (unordered tiers, a bounded last tier ...)
     */
    @Transactional
    public StoredPriceCard add(NewPriceCard request, Caller by) {
        var versions = catalog.versions(request.model());
        if (versions.isEmpty()) {
            throw new UnknownModelException("the catalog has no model '" + request.model() + "'");
        }
        if (request.version() != null
                && versions.stream().noneMatch(v -> v.card().version().equals(request.version()))) {
            throw new UnknownModelException(
                    "model '" + request.model() + "' has no version '" + request.version() + "'");
        }
        var stored = cards.add(card(request), by.name(), clock.instant());
        audit.append(AuditTrail.by(by)
                .action("price-card.add")
                .resource("models/" + request.model() + "/price-cards/" + stored.id())
                .outcome("OK", 201)
                .summary("version " + (request.version() == null ? "all" : request.version()) + ", from "
                        + stored.card().effectiveFrom() + ", units "
                        + stored.card().rates().stream()
                                .map(r -> r.unit() + " " + r.chargeModel())
                                .toList())
                .build());
        return stored;
    }

    static PriceCard card(NewPriceCard request) {
        YearMonth from;
        try {
            from = YearMonth.parse(request.effectiveFrom());
        } catch (DateTimeException e) {
            throw new InvalidParameterException("effectiveFrom", "'" + request.effectiveFrom() + "' is no month");
        }
        if (request.rates().isEmpty() || request.rates().size() > Unit.values().length) {
            throw new InvalidParameterException(
                    "rates", "a card has one to " + Unit.values().length + " rates, one per unit");
        }
        if (request.rates().stream()
                .anyMatch(r -> r.tiers().isEmpty() || r.tiers().size() > 20)) {
            throw new InvalidParameterException("rates", "a rate has one to 20 tiers");
        }
        try {
            var rates = request.rates().stream().map(PriceList::rate).toList();
            var minimum = request.monthlyMinimum() == null ? BigDecimal.ZERO : new BigDecimal(request.monthlyMinimum());
            return new PriceCard(request.model(), request.version(), from, rates, minimum);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("rates", e.getMessage());
        }
    }

    private static Rate rate(NewPriceCard.NewRate rate) {
        var tiers = rate.tiers().stream()
                .map(t -> new Tier(
                        t.upTo() == null ? null : new BigDecimal(t.upTo()),
                        new BigDecimal(t.unitPrice()),
                        t.flatFee() == null ? BigDecimal.ZERO : new BigDecimal(t.flatFee())))
                .toList();
        return new Rate(
                Unit.valueOf(rate.unit()),
                ChargeModel.valueOf(rate.chargeModel()),
                tiers,
                rate.packageSize() == null ? null : new BigDecimal(rate.packageSize()),
                rate.freeAllowance() == null ? BigDecimal.ZERO : new BigDecimal(rate.freeAllowance()));
    }
}
