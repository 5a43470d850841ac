package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a monthly statement, in CNY.
 *
 * <p>A usage line carries its exact amount (scale 9, the sum of its tiers) and that amount rounded
 * once to the fen; a true-up or rounding line is computed in fen, so both of its amounts are the same
 * number. Statement totals add up rounded amounts.
 *
 * @param kind why the line is there
 * @param unit the unit priced; null for a true-up or rounding line
 * @param quantity the month's quantity of the unit, free units included (zero on other lines)
 * @param freeQuantity the part of the quantity the allowance waived
 * @param tiers how the charged quantity was priced, tier by tier (empty on other lines)
 * @param amount the exact amount, scale 9
 * @param rounded the amount rounded to the fen, scale 2
 */
public record ChargeLine(
        LineKind kind,
        Unit unit,
        BigDecimal quantity,
        BigDecimal freeQuantity,
        List<TierCharge> tiers,
        BigDecimal amount,
        BigDecimal rounded) {

    /** The scale amounts are computed at. */
    public static final int EXACT_SCALE = 9;

    /** The scale of a fen. */
    public static final int FEN_SCALE = 2;

    private static final BigDecimal HALF_FEN = new BigDecimal("0.005");

    public ChargeLine {
        Objects.requireNonNull(kind, "kind");
        if ((kind == LineKind.USAGE) != (unit != null)) {
            throw new IllegalArgumentException("a usage line, and only a usage line, names its unit");
        }
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(freeQuantity, "free quantity");
        if (quantity.signum() < 0 || freeQuantity.signum() < 0 || freeQuantity.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("the free quantity lies between zero and the quantity");
        }
        tiers = List.copyOf(tiers);
        requireScale(amount, EXACT_SCALE);
        requireScale(rounded, FEN_SCALE);
        if (amount.subtract(rounded).abs().compareTo(HALF_FEN) > 0) {
            throw new IllegalArgumentException("" + rounded + " is not " + amount + " rounded to the fen");
        }
        if (kind == LineKind.USAGE) {
            var sum = tiers.stream().map(TierCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(amount) != 0) {
                throw new IllegalArgumentException("a usage line's amount is the sum of its tiers");
            }
        } else if (amount.compareTo(rounded) != 0) {
            throw new IllegalArgumentException(kind + " lines are computed in fen");
        }
    }

    /** A line computed in fen: a minimum's true-up or the city's rounding line. */
    public static ChargeLine inFen(LineKind kind, BigDecimal fen) {
        if (kind == LineKind.USAGE) {
            throw new IllegalArgumentException("a usage line is priced by its rate");
        }
        requireScale(fen, FEN_SCALE);
        return new ChargeLine(kind, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), fen.setScale(EXACT_SCALE), fen);
    }

    static void requireScale(BigDecimal amount, int scale) {
        Objects.requireNonNull(amount, "amount");
        if (amount.scale() != scale) {
            throw new IllegalArgumentException("an amount here has scale " + scale + ": " + amount.toPlainString());
        }
    }
}
