package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.citymaas.billing.pricing.control.ChargeCalculator;
import org.citymaas.billing.pricing.control.PriceBook;
import org.citymaas.billing.pricing.entity.ChargeLine;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.LineKind;
import org.citymaas.billing.pricing.entity.MonthlyCharge;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;

/**
 * Prices a department's usage into statement lines with {@link ChargeCalculator}: per model version
 * the card in force for the month, one line per unit it prices and the month used, then the minimum's
 * true-up. Usage of a model version no card prices in the month is not charged and gets no line. The
 * lines come numbered from 1 in their order; the caller renumbers when it joins lists.
 */
final class StatementLines {

    private final ChargeCalculator calculator = new ChargeCalculator();

    /** The month's usage and true-up lines. */
    List<StatementLine> usage(PriceBook book, YearMonth month, Map<Subscription, SubscriptionUsage> usage) {
        var lines = new ArrayList<StatementLine>();
        usage.forEach((subscription, used) -> book.inForce(subscription.model(), subscription.version(), month)
                .ifPresent(card -> {
                    for (var charge :
                            calculator.charge(card, month, used.quantities()).lines()) {
                        var unit = charge.unit();
                        var rate = unit == null ? null : card.rate(unit).orElseThrow();
                        var totals = unit == null ? null : used.of(unit);
                        lines.add(new StatementLine(
                                lines.size() + 1,
                                unit == null ? StatementLineKind.MINIMUM_TRUE_UP : StatementLineKind.USAGE,
                                subscription.model(),
                                subscription.version(),
                                unit,
                                rate == null ? null : rate.chargeModel(),
                                listUnitPrice(rate),
                                charge.quantity(),
                                charge.freeQuantity(),
                                charge.tiers(),
                                charge.amount(),
                                charge.rounded(),
                                totals == null ? 0 : totals.rows(),
                                totals == null ? BigDecimal.ZERO : totals.computeMillis(),
                                totals == null ? null : totals.device(),
                                month,
                                null,
                                used.citation(unit)));
                    }
                }));
        return lines;
    }

    /**
     * The correction lines for an issued month's usage that its statements have not billed yet: per
     * model version with late usage and unit (or true-up), what the month's whole usage costs less what
     * the billed usage cost, in exact and in rounded amounts, so that the billed lines and their
     * corrections add up to the month's whole usage priced as one.
     *
     * @param billed the month's usage that issued statements billed (seq up to their high-water mark)
     * @param late the month's usage after that; every late model version is corrected
     * @param whole billed and late together
     */
    List<StatementLine> corrections(
            PriceBook book,
            YearMonth usageMonth,
            String corrects,
            Map<Subscription, SubscriptionUsage> billed,
            Map<Subscription, SubscriptionUsage> late,
            Map<Subscription, SubscriptionUsage> whole) {
        var lines = new ArrayList<StatementLine>();
        for (var subscription : late.keySet()) {
            var found = book.inForce(subscription.model(), subscription.version(), usageMonth);
            if (found.isEmpty()) {
                continue;
            }
            var card = found.get();
            var after =
                    calculator.charge(card, usageMonth, whole.get(subscription).quantities());
            var before = Optional.ofNullable(billed.get(subscription))
                    .filter(u -> !u.isEmpty())
                    .map(u -> calculator.charge(card, usageMonth, u.quantities()));
            var units = new ArrayList<Unit>();
            card.rates().forEach(r -> units.add(r.unit()));
            units.add(null);
            for (var unit : units) {
                var a = line(after, unit);
                var b = before.flatMap(c -> line(c, unit));
                var amount = amount(a, ChargeLine::amount).subtract(amount(b, ChargeLine::amount));
                var rounded = amount(a, ChargeLine::rounded).subtract(amount(b, ChargeLine::rounded));
                var quantity = amount(a, ChargeLine::quantity).subtract(amount(b, ChargeLine::quantity));
                var free = amount(a, ChargeLine::freeQuantity).subtract(amount(b, ChargeLine::freeQuantity));
                if (amount.signum() == 0 && rounded.signum() == 0 && quantity.signum() == 0) {
                    continue;
                }
                var lateUsage = late.get(subscription);
                var totals = unit == null ? lateUsage.all() : lateUsage.of(unit);
                var rate = unit == null ? null : card.rate(unit).orElseThrow();
                lines.add(new StatementLine(
                        lines.size() + 1,
                        StatementLineKind.CORRECTION,
                        subscription.model(),
                        subscription.version(),
                        unit,
                        rate == null ? null : rate.chargeModel(),
                        listUnitPrice(rate),
                        quantity,
                        free,
                        List.of(),
                        amount.setScale(ChargeLine.EXACT_SCALE),
                        rounded.setScale(ChargeLine.FEN_SCALE),
                        totals.rows(),
                        totals.computeMillis(),
                        totals.device(),
                        usageMonth,
                        corrects,
                        totals.citation()));
            }
        }
        return lines;
    }

    /** The price of one unit before tiers and allowance: the first tier's, or a package's per unit. */
    static BigDecimal listUnitPrice(Rate rate) {
        if (rate == null) {
            return null;
        }
        var first = rate.tiers().get(0).unitPrice();
        return rate.chargeModel() == ChargeModel.PACKAGE
                ? first.divide(rate.packageSize(), ChargeLine.EXACT_SCALE, RoundingMode.HALF_UP)
                : first.setScale(ChargeLine.EXACT_SCALE);
    }

    private static Optional<ChargeLine> line(MonthlyCharge charge, Unit unit) {
        return charge.lines().stream()
                .filter(l -> unit == null ? l.kind() == LineKind.MINIMUM_TRUE_UP : unit == l.unit())
                .findFirst();
    }

    private static BigDecimal amount(Optional<ChargeLine> line, Function<ChargeLine, BigDecimal> f) {
        return line.map(f).orElse(BigDecimal.ZERO);
    }
}
