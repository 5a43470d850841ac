package org.citymaas.billing.pricing.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.StoredPriceCard;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.Unit;

/**
 * Stores price cards in {@code price_card}, {@code price_rate} and {@code price_tier} (insert-only) on
 * the caller's connection, inside its transaction. Adding a card takes an exclusive advisory lock that
 * issuing a statement takes shared, so a card cannot slip into a month while it is being issued.
 */
public final class PriceCardStore {

    /** The first key of the price cards' advisory lock: "PRIC" in ASCII; the second is 0. */
    public static final int PRICES_KEY = 0x5052_4943;

    private static final String LAST_BILLED =
            "SELECT max(s.month) FROM statement s WHERE s.status IN ('ISSUED', 'VOID')"
                    + " AND EXISTS (SELECT 1 FROM usage_event u WHERE u.tenant_id = s.tenant_id AND u.period = s.month"
                    + " AND u.model = ?)";
    private static final String INSERT_CARD = "INSERT INTO price_card (model, model_version, effective_from,"
            + " monthly_minimum, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String INSERT_RATE = "INSERT INTO price_rate (card_id, unit, charge_model, package_size,"
            + " free_allowance) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_TIER = "INSERT INTO price_tier (card_id, unit, tier_no, up_to, unit_price,"
            + " flat_fee) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String CARDS = "SELECT id, model, model_version, effective_from, monthly_minimum, created_by,"
            + " created_at FROM price_card ORDER BY id";
    private static final String RATES =
            "SELECT card_id, unit, charge_model, package_size, free_allowance FROM price_rate";
    private static final String TIERS =
            "SELECT card_id, unit, up_to, unit_price, flat_fee FROM price_tier" + " ORDER BY card_id, unit, tier_no";

    /**
     * Adds the card.
     *
     * @throws PriceCardConflictException when a card prices the same model, version and month already,
     *     or the card starts in (or before) the last month that an issued or voided statement billed for a
     *     department that used the model
     */
    public StoredPriceCard add(Connection connection, PriceCard card, String by, Instant at) throws SQLException {
        Objects.requireNonNull(card, "card");
        lock(connection, "SELECT pg_advisory_xact_lock(?, 0)");
        var existing = PriceBook.empty();
        for (var stored : all(connection)) {
            existing = existing.with(stored.card(), null);
        }
        existing.with(card, lastBilled(connection, card.model()));
        long id;
        try (var insert = connection.prepareStatement(INSERT_CARD)) {
            insert.setString(1, card.model());
            insert.setString(2, card.version());
            insert.setDate(3, Date.valueOf(card.effectiveFrom().atDay(1)));
            insert.setBigDecimal(4, card.monthlyMinimum());
            insert.setString(5, by);
            insert.setTimestamp(6, Timestamp.from(at));
            try (var result = insert.executeQuery()) {
                result.next();
                id = result.getLong(1);
            }
        }
        insertRates(connection, id, card);
        return new StoredPriceCard(id, card, by, at);
    }

    /** Every card, in the order they were added. */
    public List<StoredPriceCard> all(Connection connection) throws SQLException {
        var tiers = new HashMap<String, List<Tier>>();
        try (var query = connection.prepareStatement(TIERS);
                var result = query.executeQuery()) {
            while (result.next()) {
                tiers.computeIfAbsent(result.getLong(1) + "/" + result.getString(2), k -> new ArrayList<>())
                        .add(new Tier(result.getBigDecimal(3), result.getBigDecimal(4), result.getBigDecimal(5)));
            }
        }
        var rates = new HashMap<Long, List<Rate>>();
        try (var query = connection.prepareStatement(RATES);
                var result = query.executeQuery()) {
            while (result.next()) {
                var unit = Unit.valueOf(result.getString(2));
                rates.computeIfAbsent(result.getLong(1), k -> new ArrayList<>())
                        .add(new Rate(
                                unit,
                                ChargeModel.valueOf(result.getString(3)),
                                tiers.getOrDefault(result.getLong(1) + "/" + unit, List.of()),
                                result.getBigDecimal(4),
                                result.getBigDecimal(5)));
            }
        }
        var cards = new ArrayList<StoredPriceCard>();
        try (var query = connection.prepareStatement(CARDS);
                var result = query.executeQuery()) {
            while (result.next()) {
                var id = result.getLong(1);
                var card = new PriceCard(
                        result.getString(2),
                        result.getString(3),
                        YearMonth.from(result.getDate(4).toLocalDate()),
                        rates.getOrDefault(id, List.of()),
                        result.getBigDecimal(5));
                cards.add(new StoredPriceCard(
                        id, card, result.getString(6), result.getTimestamp(7).toInstant()));
            }
        }
        return cards;
    }

    /** The price book of every stored card. */
    public PriceBook book(Connection connection) throws SQLException {
        var book = PriceBook.empty();
        for (var stored : all(connection)) {
            book = book.with(stored.card(), null);
        }
        return book;
    }

    /** Takes the price cards' lock shared for this transaction: no card is added until it ends. */
    public static void holdPrices(Connection connection) throws SQLException {
        lock(connection, "SELECT pg_advisory_xact_lock_shared(?, 0)");
    }

    private static void lock(Connection connection, String sql) throws SQLException {
        try (var lock = connection.prepareStatement(sql)) {
            lock.setInt(1, PRICES_KEY);
            lock.execute();
        }
    }

    /** The last month an issued (or since voided) statement billed for a department that used the model. */
    private static YearMonth lastBilled(Connection connection, String model) throws SQLException {
        try (var query = connection.prepareStatement(LAST_BILLED)) {
            query.setString(1, model);
            try (var result = query.executeQuery()) {
                result.next();
                var month = result.getDate(1);
                return month == null ? null : YearMonth.from(month.toLocalDate());
            }
        }
    }

    private static void insertRates(Connection connection, long id, PriceCard card) throws SQLException {
        try (var rate = connection.prepareStatement(INSERT_RATE);
                var tier = connection.prepareStatement(INSERT_TIER)) {
            for (var r : card.rates()) {
                rate.setLong(1, id);
                rate.setString(2, r.unit().name());
                rate.setString(3, r.chargeModel().name());
                rate.setObject(4, r.packageSize(), Types.NUMERIC);
                rate.setBigDecimal(5, r.freeAllowance());
                rate.addBatch();
                for (int i = 0; i < r.tiers().size(); i++) {
                    var t = r.tiers().get(i);
                    tier.setLong(1, id);
                    tier.setString(2, r.unit().name());
                    tier.setInt(3, i + 1);
                    tier.setObject(4, t.upTo(), Types.NUMERIC);
                    tier.setBigDecimal(5, t.unitPrice());
                    tier.setBigDecimal(6, t.flatFee());
                    tier.addBatch();
                }
            }
            rate.executeBatch();
            tier.executeBatch();
        }
    }
}
