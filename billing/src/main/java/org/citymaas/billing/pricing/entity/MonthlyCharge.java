package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What one subscription (a department's use of one model version) owes for one month under one card.
 *
 * @param card the card in force for the month
 * @param month the month charged
 * @param lines the usage lines, then the minimum's true-up if any
 */
public record MonthlyCharge(PriceCard card, YearMonth month, List<ChargeLine> lines) {

    public MonthlyCharge {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(month, "month");
        if (month.isBefore(card.effectiveFrom())) {
            throw new IllegalArgumentException("the card prices from " + card.effectiveFrom() + ", not " + month);
        }
        lines = List.copyOf(lines);
        if (lines.stream().anyMatch(l -> l.kind() == LineKind.ROUNDING)) {
            throw new IllegalArgumentException("rounding lines belong to the city's total");
        }
    }

    /** The sum of the lines' rounded amounts, scale 2. */
    public BigDecimal total() {
        return lines.stream().map(ChargeLine::rounded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The sum of the lines' exact amounts, scale 9. */
    public BigDecimal exactTotal() {
        return lines.stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO.setScale(9), BigDecimal::add);
    }
}
