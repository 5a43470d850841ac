package org.citymaas.billing.pricing.control;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.pricing.entity.PriceCard;

/**
 * Every price card, and which one is in force for a model version in a month. Immutable: adding a card
 * gives a new book.
 *
 * <p>A card of the version itself is in force before a card of the whole model, whatever their
 * months; among cards of the same kind, the one with the latest effective-from month not after the
 * month asked about. A card is never replaced: one for the same model, version and month is refused,
 * and so is one from a month that has already been billed, since it would change a billed month.
 */
public final class PriceBook {

    private final List<PriceCard> cards;

    private PriceBook(List<PriceCard> cards) {
        this.cards = List.copyOf(cards);
    }

    public static PriceBook empty() {
        return new PriceBook(List.of());
    }

    /** A book of cards; two cards for the same model, version and month are refused. */
    public static PriceBook of(PriceCard... cards) {
        var book = empty();
        for (var card : cards) {
            book = book.with(card, null);
        }
        return book;
    }

    /**
     * This book with a card added that supersedes earlier ones from its month.
     *
     * @param billedThrough the last month already billed for the card's model, or null if none
     * @throws PriceCardConflictException when a card already prices the same model, version and month,
     *     or the card starts in a billed month
     */
    public PriceBook with(PriceCard card, YearMonth billedThrough) {
        Objects.requireNonNull(card, "card");
        if (billedThrough != null && !card.effectiveFrom().isAfter(billedThrough)) {
            throw new PriceCardConflictException("prices of " + card.model() + " are billed through " + billedThrough
                    + "; a new card starts in a later month, not " + card.effectiveFrom());
        }
        if (cards.stream().anyMatch(card::sameSlotAs)) {
            throw new PriceCardConflictException("a card already prices " + card.model()
                    + (card.isVersionSpecific() ? " version " + card.version() : "") + " from "
                    + card.effectiveFrom() + "; supersede it from a later month");
        }
        var more = new ArrayList<>(cards);
        more.add(card);
        return new PriceBook(more);
    }

    /** The card that prices the model's version in the month, if any does. */
    public Optional<PriceCard> inForce(String model, String version, YearMonth month) {
        Objects.requireNonNull(month, "month");
        return latest(model, version, month).or(() -> latest(model, null, month));
    }

    /** Every card, by model, then model-wide before version cards, then month. */
    public List<PriceCard> cards() {
        return cards.stream()
                .sorted(Comparator.comparing(PriceCard::model)
                        .thenComparing(PriceCard::version, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(PriceCard::effectiveFrom))
                .toList();
    }

    private Optional<PriceCard> latest(String model, String version, YearMonth month) {
        return cards.stream()
                .filter(c -> c.model().equals(model) && Objects.equals(c.version(), version))
                .filter(c -> !c.effectiveFrom().isAfter(month))
                .max(Comparator.comparing(PriceCard::effectiveFrom));
    }
}
