package org.citymaas.portal.ui;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.citymaas.billing.pricing.entity.StoredPriceCard;
import org.citymaas.portal.billing.entity.PriceCardView;

/**
 * A price card as a row of the prices page, with where it stands in a month: CURRENT (the latest card
 * of its model and version that starts no later than the month), SCHEDULED (starts later) or PAST
 * (superseded). A JavaBean, since Faces' EL cannot read record components.
 */
public class PriceCardRow {

    /** Where a card stands in a month. */
    public enum State {
        CURRENT,
        SCHEDULED,
        PAST
    }

    private final PriceCardView card;
    private final State state;

    PriceCardRow(PriceCardView card, State state) {
        this.card = card;
        this.state = state;
    }

    /**
     * Every card with its state in {@code month}: current first, then scheduled, then past; within
     * each by model, version (model-wide first) and month, newest first.
     */
    static List<PriceCardRow> classify(List<StoredPriceCard> cards, YearMonth month) {
        var current = new HashMap<List<String>, StoredPriceCard>();
        for (var stored : cards) {
            var card = stored.card();
            if (card.effectiveFrom().isAfter(month)) {
                continue;
            }
            current.merge(slot(stored), stored, PriceCardRow::later);
        }
        var rows = new ArrayList<PriceCardRow>();
        for (var stored : cards) {
            var state = stored.card().effectiveFrom().isAfter(month)
                    ? State.SCHEDULED
                    : current.get(slot(stored)) == stored ? State.CURRENT : State.PAST;
            rows.add(new PriceCardRow(PriceCardView.of(stored), state));
        }
        rows.sort(Comparator.comparing((PriceCardRow r) -> r.state)
                .thenComparing(r -> r.card.model())
                .thenComparing(r -> r.card.version(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> r.card.effectiveFrom(), Comparator.reverseOrder()));
        return rows;
    }

    private static List<String> slot(StoredPriceCard stored) {
        return java.util.Arrays.asList(stored.card().model(), stored.card().version());
    }

    private static StoredPriceCard later(StoredPriceCard a, StoredPriceCard b) {
        var byMonth = a.card().effectiveFrom().compareTo(b.card().effectiveFrom());
        if (byMonth != 0) {
            return byMonth > 0 ? a : b;
        }
        return a.id() >= b.id() ? a : b;
    }

    /** The rows in one state. */
    static List<PriceCardRow> in(List<PriceCardRow> rows, State state) {
        return rows.stream().filter(r -> r.state == state).toList();
    }

    public long getId() {
        return card.id();
    }

    public String getModel() {
        return card.model();
    }

    /** The version, or null for a card of every version. */
    public String getVersion() {
        return card.version();
    }

    public String getEffectiveFrom() {
        return card.effectiveFrom();
    }

    public String getMonthlyMinimum() {
        return card.monthlyMinimum();
    }

    public String getState() {
        return state.name();
    }

    public String getCreatedBy() {
        return card.createdBy();
    }

    /** Each rate in a line: unit, charge model, tiers, package size and free allowance. */
    public List<Map<String, String>> getRates() {
        return card.rates().stream()
                .map(r -> Map.of(
                        "unit",
                        r.unit(),
                        "chargeModel",
                        r.chargeModel(),
                        "tiers",
                        String.join("; ", r.tiers()),
                        "packageSize",
                        Objects.requireNonNullElse(r.packageSize(), ""),
                        "freeAllowance",
                        new java.math.BigDecimal(r.freeAllowance()).signum() == 0 ? "" : r.freeAllowance()))
                .toList();
    }
}
