package org.citymaas.billing.statements.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.pricing.entity.Unit;

/**
 * One line of a department's monthly statement, in CNY.
 *
 * @param lineNo the line's place on the statement, from 1
 * @param kind why the line is there
 * @param model the catalog model charged
 * @param modelVersion the version that answered
 * @param unit what the line is priced per; null on a minimum's true-up and on a correction of one
 * @param chargeModel how the unit is priced; null on a true-up
 * @param listUnitPrice the price of one unit before tiers and allowance (the first tier's price; a
 *     package's price per unit); null on a true-up
 * @param quantity the quantity of the unit, free units included (zero on a true-up)
 * @param freeQuantity the part of the quantity the free allowance waived
 * @param tiers how the charged quantity was priced, tier by tier (empty on a true-up)
 * @param amount the exact amount, scale 9
 * @param rounded the amount rounded once to the fen, half up, scale 2; a credit is negative
 * @param rows the input rows of the requests counted
 * @param computeMillis their compute time, in milliseconds
 * @param device where they ran ({@code cpu}, {@code gpu}, or both joined by {@code +})
 * @param usageMonth the month the usage happened in: the statement's month, or an earlier one on a
 *     correction
 * @param corrects on a correction, the number of the issued statement it corrects; else null
 * @param citation the usage the line was computed from
 */
public record StatementLine(
        int lineNo,
        StatementLineKind kind,
        String model,
        String modelVersion,
        Unit unit,
        ChargeModel chargeModel,
        BigDecimal listUnitPrice,
        BigDecimal quantity,
        BigDecimal freeQuantity,
        List<TierCharge> tiers,
        BigDecimal amount,
        BigDecimal rounded,
        long rows,
        BigDecimal computeMillis,
        String device,
        YearMonth usageMonth,
        String corrects,
        UsageCitation citation) {

    public StatementLine {
        if (lineNo < 1) {
            throw new IllegalArgumentException("statement lines count from 1");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelVersion, "model version");
        if (kind == StatementLineKind.MINIMUM_TRUE_UP && unit != null
                || kind == StatementLineKind.USAGE && unit == null) {
            throw new IllegalArgumentException(
                    "a true-up names no unit, a usage line names one (a correction names one, or none for a true-up)");
        }
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(freeQuantity, "free quantity");
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounded, "rounded amount");
        if (amount.scale() != 9 || rounded.scale() != 2) {
            throw new IllegalArgumentException("amounts have scale 9, rounded amounts scale 2");
        }
        Objects.requireNonNull(computeMillis, "compute time");
        Objects.requireNonNull(usageMonth, "usage month");
        if ((kind == StatementLineKind.CORRECTION) != (corrects != null)) {
            throw new IllegalArgumentException("a correction, and only a correction, names the statement it corrects");
        }
        Objects.requireNonNull(citation, "citation");
    }

    /** This line at another place on the statement. */
    public StatementLine numbered(int number) {
        return new StatementLine(
                number,
                kind,
                model,
                modelVersion,
                unit,
                chargeModel,
                listUnitPrice,
                quantity,
                freeQuantity,
                tiers,
                amount,
                rounded,
                rows,
                computeMillis,
                device,
                usageMonth,
                corrects,
                citation);
    }

    /** This line citing its usage as covered by a signed audit checkpoint. */
    public StatementLine coveredBy(Statement.CheckpointRef checkpoint) {
        return new StatementLine(
                lineNo,
                kind,
                model,
                modelVersion,
                unit,
                chargeModel,
                listUnitPrice,
                quantity,
                freeQuantity,
                tiers,
                amount,
                rounded,
                rows,
                computeMillis,
                device,
                usageMonth,
                corrects,
                citation.coveredBy(checkpoint.seq(), checkpoint.headHash()));
    }

    /** The SKU of the line, as in the exports: {@code model:version:unit}. */
    public String skuId() {
        return model + ":" + modelVersion + ":" + (unit == null ? "MINIMUM" : unit.name());
    }
}
