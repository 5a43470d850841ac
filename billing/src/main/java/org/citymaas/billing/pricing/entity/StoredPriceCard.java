package org.citymaas.billing.pricing.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A price card as stored, with who added it and when (cards are never edited, so that is its whole
 * history).
 *
 * @param id the card's number in the store, increasing in the order cards were added
 * @param card the card
 * @param createdBy who added it
 * @param createdAt when
 */
public record StoredPriceCard(long id, PriceCard card, String createdBy, Instant createdAt) {

    public StoredPriceCard {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(createdBy, "created by");
        Objects.requireNonNull(createdAt, "created at");
    }
}
