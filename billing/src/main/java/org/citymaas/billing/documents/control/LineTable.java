package org.citymaas.billing.documents.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.billing.documents.control.Table.Column;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;

/**
 * The statement's lines as a table: model and version (a correction names the statement it corrects and
 * the month of its usage, a true-up says so), unit, quantity, free quantity, unit price, how it was priced
 * tier by tier, and the amount.
 */
final class LineTable {

    private static final String NONE = "—";

    private static final List<Column> COLUMNS = List.of(
            new Column("行", "No.", 20, true),
            new Column("模型 / 版本", "Model / version", 120, false),
            new Column("单位", "Unit", 54, false),
            new Column("数量", "Quantity", 56, true),
            new Column("免费额度", "Free", 46, true),
            new Column("单价", "Unit price", 56, true),
            new Column("计价 / 阶梯", "Pricing / tiers", 100, false),
            new Column("金额", "Amount", 63, true));

    private LineTable() {}

    /** Draws the lines, starting at the sheet's cursor. */
    static void draw(Sheet sheet, List<StatementLine> lines) throws IOException {
        var rows = new ArrayList<List<List<String>>>();
        for (var line : lines) {
            rows.add(cells(line));
        }
        if (lines.isEmpty()) {
            rows.add(List.of(List.of(), List.of("本月无用量", "No usage this month")));
        }
        new Table(sheet, COLUMNS).draw(rows);
    }

    private static List<List<String>> cells(StatementLine line) {
        var trueUp = line.kind() == StatementLineKind.MINIMUM_TRUE_UP;
        return List.of(
                List.of(String.valueOf(line.lineNo())),
                describe(line),
                trueUp ? List.of(NONE) : List.of(Labels.unit(line.unit())),
                List.of(trueUp ? NONE : Labels.quantity(line.quantity())),
                List.of(trueUp ? NONE : Labels.quantity(line.freeQuantity())),
                List.of(line.listUnitPrice() == null ? NONE : Labels.price(line.listUnitPrice())),
                pricing(line),
                List.of(Labels.money(line.rounded())));
    }

    private static List<String> describe(StatementLine line) {
        var texts = new ArrayList<>(List.of(line.model(), "版本 Version " + line.modelVersion()));
        switch (line.kind()) {
            case USAGE -> {}
            case MINIMUM_TRUE_UP -> texts.add("最低消费补足 Minimum true-up");
            case CORRECTION -> {
                texts.add("更正 Corrects " + line.corrects());
                texts.add("用量月份 Usage month " + line.usageMonth());
            }
        }
        return texts;
    }

    private static List<String> pricing(StatementLine line) {
        if (line.kind() == StatementLineKind.MINIMUM_TRUE_UP) {
            return List.of("补足至月最低消费", "Up to the monthly minimum");
        }
        var texts = new ArrayList<String>();
        if (line.chargeModel() != null) {
            texts.add(Labels.chargeModel(line.chargeModel()));
        }
        for (TierCharge tier : line.tiers()) {
            texts.add("T%d  %s × %s"
                    .formatted(tier.tier(), Labels.quantity(tier.quantity()), Labels.price(tier.unitPrice())));
            if (tier.flatFee().signum() != 0) {
                texts.add("      + 固定费 fee " + Labels.money(tier.flatFee()));
            }
        }
        return texts;
    }
}
