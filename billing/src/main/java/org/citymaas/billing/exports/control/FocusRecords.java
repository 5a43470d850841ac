package org.citymaas.billing.exports.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.citymaas.billing.exports.entity.FocusColumn;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.StatementStatus;

/**
 * One FOCUS-shaped cost and usage record per statement line, as text in {@link FocusColumn} order.
 * Periods are the months' bounds in Asia/Shanghai written as UTC instants (inclusive start, exclusive
 * end); decimals are plain ({@code 12.50}, never {@code 1.25E+1}); an absent value is null.
 */
public final class FocusRecords {

    /** The city's zone: billing months begin and end at its midnight. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    public static final String CURRENCY = "CNY";

    private FocusRecords() {}

    /** The records of every line of {@code statements}, statement by statement, line by line. */
    public static List<List<String>> rows(List<Statement> statements) {
        var rows = new ArrayList<List<String>>();
        for (var statement : statements) {
            for (var line : statement.lines()) {
                rows.add(row(statement, line));
            }
        }
        return rows;
    }

    /** The record of one line of a statement. */
    public static List<String> row(Statement statement, StatementLine line) {
        var cells = new EnumMap<FocusColumn, String>(FocusColumn.class);
        cells.put(FocusColumn.BILLING_PERIOD_START, start(statement.month()));
        cells.put(FocusColumn.BILLING_PERIOD_END, start(statement.month().plusMonths(1)));
        cells.put(FocusColumn.CHARGE_PERIOD_START, start(line.usageMonth()));
        cells.put(FocusColumn.CHARGE_PERIOD_END, start(line.usageMonth().plusMonths(1)));
        boolean trueUp = line.kind() == StatementLineKind.MINIMUM_TRUE_UP;
        // a true-up tops the month's usage rows up after the fact: FOCUS's Adjustment; a correction keeps
        // the category of the usage it corrects and says so in ChargeClass
        cells.put(FocusColumn.CHARGE_CATEGORY, trueUp ? "Adjustment" : "Usage");
        cells.put(FocusColumn.CHARGE_CLASS, line.kind() == StatementLineKind.CORRECTION ? "Correction" : null);
        cells.put(FocusColumn.BILLED_COST, plain(line.rounded()));
        cells.put(FocusColumn.EFFECTIVE_COST, plain(line.rounded()));
        cells.put(FocusColumn.LIST_COST, plain(listCost(line)));
        cells.put(FocusColumn.LIST_UNIT_PRICE, line.listUnitPrice() == null ? null : plain(line.listUnitPrice()));
        cells.put(FocusColumn.PRICING_QUANTITY, trueUp ? null : plain(line.quantity()));
        cells.put(FocusColumn.PRICING_UNIT, trueUp ? null : unitName(line.unit()));
        cells.put(FocusColumn.CONSUMED_QUANTITY, trueUp ? null : plain(line.quantity()));
        cells.put(FocusColumn.CONSUMED_UNIT, trueUp ? null : unitName(line.unit()));
        cells.put(FocusColumn.BILLING_CURRENCY, CURRENCY);
        cells.put(FocusColumn.SERVICE_NAME, line.model());
        cells.put(FocusColumn.SKU_ID, line.skuId());
        cells.put(FocusColumn.SUB_ACCOUNT_ID, statement.account().tenant().value());
        cells.put(FocusColumn.SUB_ACCOUNT_NAME, statement.account().nameZh());
        cells.put(FocusColumn.INVOICE_ID, statement.status() == StatementStatus.ISSUED ? statement.number() : null);
        cells.put(FocusColumn.COST_CENTRE, statement.account().costCentre());
        cells.put(FocusColumn.ROWS, Long.toString(line.rows()));
        cells.put(FocusColumn.COMPUTE_MS, plain(line.computeMillis()));
        cells.put(FocusColumn.DEVICE, line.device());
        var row = new ArrayList<String>(FocusColumn.values().length);
        for (var column : FocusColumn.values()) {
            row.add(cells.get(column));
        }
        return row;
    }

    /**
     * The line's list cost: quantity times the list unit price, free units and tiers ignored, exact; a
     * true-up has no unit price and lists what it bills (FOCUS: a charge priced by no unit lists its
     * billed cost).
     */
    public static BigDecimal listCost(StatementLine line) {
        if (line.listUnitPrice() == null) {
            return line.rounded();
        }
        var exact = line.listUnitPrice().multiply(line.quantity());
        return exact.setScale(Math.max(2, exact.stripTrailingZeros().scale()));
    }

    /** The first instant of {@code month} in the city, in UTC ISO 8601 ({@code 2026-10-31T16:00:00Z}). */
    public static String start(YearMonth month) {
        Instant instant = month.atDay(1).atStartOfDay(CITY_ZONE).toInstant();
        return instant.toString();
    }

    /** The unit's name in PricingUnit and ConsumedUnit, in FOCUS's unit format. */
    public static String unitName(Unit unit) {
        return switch (unit) {
            case REQUEST -> "Requests";
            case ROW -> "Rows";
            case CPU_SECOND -> "CPU-Seconds";
            case GPU_SECOND -> "GPU-Seconds";
            case EXPLANATION -> "Explanations";
        };
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
