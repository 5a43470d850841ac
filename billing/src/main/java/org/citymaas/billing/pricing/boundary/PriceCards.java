package org.citymaas.billing.pricing.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.citymaas.billing.errors.BillingException;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.pricing.control.PriceBook;
import org.citymaas.billing.pricing.control.PriceCardStore;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.StoredPriceCard;

/**
 * The price cards' public face: adds a card (joining the caller's transaction, so that it commits
 * with the audit event of the change), lists every card with who added it and when, and gives the
 * price book. Cards are never edited or deleted; a later card supersedes one from its month.
 */
@ApplicationScoped
@Transactional
public class PriceCards {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    private final PriceCardStore store = new PriceCardStore();

    /**
     * Adds the card.
     *
     * @throws PriceCardConflictException when a card already prices the same model, version and month,
     *     or the card starts in a month that has an issued statement
     */
    public StoredPriceCard add(PriceCard card, String by, Instant at) {
        try (var connection = dataSource.getConnection()) {
            return store.add(connection, card, by, at);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new PriceCardConflictException("a card already prices " + card.model() + " from "
                        + card.effectiveFrom() + "; supersede it from a later month");
            }
            throw new BillingException("could not store the price card", e);
        }
    }

    /** Every card with who added it and when, in the order they were added. */
    @Transactional(TxType.SUPPORTS)
    public List<StoredPriceCard> all() {
        try (var connection = dataSource.getConnection()) {
            return store.all(connection);
        } catch (SQLException e) {
            throw new BillingException("could not read the price cards", e);
        }
    }

    /** The price book of every card: which card is in force for a model version in a month. */
    @Transactional(TxType.SUPPORTS)
    public PriceBook book() {
        try (var connection = dataSource.getConnection()) {
            return store.book(connection);
        } catch (SQLException e) {
            throw new BillingException("could not read the price cards", e);
        }
    }
}
