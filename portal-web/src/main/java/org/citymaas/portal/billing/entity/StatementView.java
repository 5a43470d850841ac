package org.citymaas.portal.billing.entity;

import java.util.List;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;

/**
 * A statement as the API shows it: amounts as decimal strings in CNY, months as YYYY-MM.
 *
 * @param department the department's id
 * @param departmentName its Chinese name
 * @param departmentNameEn its English name
 * @param costCentre its cost centre
 * @param budgetHolder its budget holder
 * @param month the month billed
 * @param status OPEN (month to date), DRAFT, ISSUED or VOID
 * @param number the statement number once issued
 * @param total the total, CNY
 * @param lines the lines
 * @param checkpointSeq the audit checkpoint it cites (seq), if any
 * @param checkpointHash that checkpoint's head hash
 * @param computedAt when its lines were computed
 * @param issuedAt when it was issued
 * @param review ACCEPTED or DISPUTED, if answered
 * @param reviewedBy who answered
 * @param voidReason why it was voided
 */
public record StatementView(
        String department,
        String departmentName,
        String departmentNameEn,
        String costCentre,
        String budgetHolder,
        String month,
        String status,
        String number,
        String total,
        List<LineView> lines,
        Long checkpointSeq,
        String checkpointHash,
        String computedAt,
        String issuedAt,
        String review,
        String reviewedBy,
        String voidReason) {

    /**
     * One line.
     *
     * @param line its number
     * @param kind USAGE, MINIMUM_TRUE_UP or CORRECTION
     * @param sku model:version:unit
     * @param model the model
     * @param version the version
     * @param unit the unit priced
     * @param chargeModel how it is priced
     * @param quantity the quantity
     * @param freeQuantity the part the free allowance waived
     * @param listUnitPrice the list price of one unit
     * @param tiers each tier's quantity, unit price and amount
     * @param amount the amount, CNY
     * @param usageMonth the month of the usage (earlier on a correction)
     * @param corrects the statement number a correction corrects
     * @param requests the requests counted
     * @param requestIdsDigest SHA-256 of their sorted request ids
     * @param checkpointSeq the audit checkpoint covering the last of them
     */
    public record LineView(
            int line,
            String kind,
            String sku,
            String model,
            String version,
            String unit,
            String chargeModel,
            String quantity,
            String freeQuantity,
            String listUnitPrice,
            List<String> tiers,
            String amount,
            String usageMonth,
            String corrects,
            long requests,
            String requestIdsDigest,
            Long checkpointSeq) {}

    public static StatementView of(Statement s) {
        var account = s.account();
        return new StatementView(
                account.tenant().value(),
                account.nameZh(),
                account.nameEn(),
                account.costCentre(),
                account.budgetHolder(),
                s.month().toString(),
                s.status().name(),
                s.number(),
                s.total().toPlainString(),
                s.lines().stream().map(StatementView::line).toList(),
                s.checkpoint() == null ? null : s.checkpoint().seq(),
                s.checkpoint() == null ? null : s.checkpoint().headHash(),
                s.computedAt() == null ? null : s.computedAt().toString(),
                s.issuedAt() == null ? null : s.issuedAt().toString(),
                s.review() == null ? null : s.review().accepted() ? "ACCEPTED" : "DISPUTED",
                s.review() == null ? null : s.review().by(),
                s.voidReason());
    }

    private static LineView line(StatementLine l) {
        return new LineView(
                l.lineNo(),
                l.kind().name(),
                l.skuId(),
                l.model(),
                l.modelVersion(),
                l.unit() == null ? null : l.unit().name(),
                l.chargeModel() == null ? null : l.chargeModel().name(),
                l.quantity().toPlainString(),
                l.freeQuantity().toPlainString(),
                l.listUnitPrice() == null ? null : l.listUnitPrice().toPlainString(),
                l.tiers().stream().map(StatementView::tier).toList(),
                l.rounded().toPlainString(),
                l.usageMonth().toString(),
                l.corrects(),
                l.citation().requests(),
                l.citation().requestIdsDigest(),
                l.citation().checkpointSeq());
    }

    private static String tier(TierCharge t) {
        return "tier " + t.tier() + ": " + t.quantity().toPlainString() + " x "
                + t.unitPrice().toPlainString()
                + (t.flatFee().signum() == 0 ? "" : " + " + t.flatFee().toPlainString()) + " = "
                + t.amount().stripTrailingZeros().toPlainString();
    }
}
