package org.citymaas.billing.documents.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.billing.statements.entity.UsageCitation;
import org.citymaas.tenant.departments.entity.TenantId;

/** Statements made up for the PDF tests: each test picks its department, status and lines. */
final class StatementPdfSamples {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final long CHECKPOINT_SEQ = 48213;
    static final String HEAD_HASH = sha256("head 48213");

    private StatementPdfSamples() {}

    static BillingAccount account(String nameZh, String nameEn) {
        return new BillingAccount(new TenantId("transport"), nameZh, nameEn, "CC-4410-07", "王晓梅 Wang Xiaomei");
    }

    static BillingAccount transportBureau() {
        return account("鄞州区交通运输局", "Yinzhou District Transport Bureau");
    }

    static Statement statement(
            BillingAccount account,
            StatementStatus status,
            String number,
            List<StatementLine> lines,
            String voidReason) {
        var total = lines.stream().map(StatementLine::rounded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        var checkpoint = status == StatementStatus.OPEN ? null : new Statement.CheckpointRef(CHECKPOINT_SEQ, HEAD_HASH);
        var computed = Instant.parse("2026-04-01T01:15:00Z");
        var issued = status.isFinal() ? Instant.parse("2026-04-06T02:00:00Z") : null;
        return new Statement(
                UUID.randomUUID(),
                account,
                MARCH,
                status,
                number,
                lines,
                total,
                checkpoint,
                computed,
                issued,
                null,
                voidReason);
    }

    static TierCharge tier(int tier, String quantity, String unitPrice, String flatFee) {
        var amount =
                new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)).add(new BigDecimal(flatFee));
        return new TierCharge(
                tier, new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(flatFee), amount.setScale(9));
    }

    static StatementLine usage(
            int lineNo,
            String model,
            Unit unit,
            ChargeModel chargeModel,
            String quantity,
            String free,
            TierCharge... tiers) {
        return line(lineNo, StatementLineKind.USAGE, model, unit, chargeModel, quantity, free, null, MARCH, tiers);
    }

    static StatementLine correction(int lineNo, String model, String corrects, String quantity, TierCharge tier) {
        return line(
                lineNo,
                StatementLineKind.CORRECTION,
                model,
                Unit.REQUEST,
                ChargeModel.PER_UNIT,
                quantity,
                "0",
                corrects,
                MARCH.minusMonths(1),
                tier);
    }

    static StatementLine trueUp(int lineNo, String model, String amount) {
        var exact = new BigDecimal(amount).setScale(9);
        return new StatementLine(
                lineNo,
                StatementLineKind.MINIMUM_TRUE_UP,
                model,
                "2.1.0",
                null,
                null,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                List.of(),
                exact,
                exact.setScale(2, RoundingMode.HALF_UP),
                0,
                BigDecimal.ZERO,
                null,
                MARCH,
                null,
                UsageCitation.none());
    }

    private static StatementLine line(
            int lineNo,
            StatementLineKind kind,
            String model,
            Unit unit,
            ChargeModel chargeModel,
            String quantity,
            String free,
            String corrects,
            YearMonth usageMonth,
            TierCharge... tiers) {
        var amount = BigDecimal.ZERO.setScale(9);
        for (var tier : tiers) {
            amount = amount.add(tier.amount());
        }
        var requests = 100L + lineNo;
        var citation = new UsageCitation(requests, sha256("line " + lineNo), "req-" + lineNo + "-last", null, null)
                .coveredBy(CHECKPOINT_SEQ - lineNo, sha256("head " + (CHECKPOINT_SEQ - lineNo)));
        return new StatementLine(
                lineNo,
                kind,
                model,
                "2.1.0",
                unit,
                chargeModel,
                tiers[0].unitPrice(),
                new BigDecimal(quantity),
                new BigDecimal(free),
                List.of(tiers),
                amount,
                amount.setScale(2, RoundingMode.HALF_UP),
                requests * 10,
                new BigDecimal("1234.5"),
                "cpu",
                usageMonth,
                corrects,
                citation);
    }

    /** Usage, a graduated line with a flat fee, a volume line, a true-up and a credit correction. */
    static List<StatementLine> mixedLines() {
        return List.of(
                usage(
                        1,
                        "traffic-flow-forecast",
                        Unit.REQUEST,
                        ChargeModel.PER_UNIT,
                        "182340",
                        "10000",
                        tier(1, "172340", "0.0035", "0")),
                usage(
                        2,
                        "hotline-classifier",
                        Unit.ROW,
                        ChargeModel.GRADUATED,
                        "2500000",
                        "100000",
                        tier(1, "900000", "0.002", "0"),
                        tier(2, "1000000", "0.0015", "50"),
                        tier(3, "500000", "0.001", "0")),
                usage(
                        3,
                        "air-quality-nowcast",
                        Unit.GPU_SECOND,
                        ChargeModel.VOLUME,
                        "36000.5",
                        "0",
                        tier(2, "36000.5", "0.12", "0")),
                trueUp(4, "bus-arrival-eta", "800.00"),
                correction(5, "traffic-flow-forecast", "CM-2026-000042", "-1200", tier(1, "-1200", "0.0035", "0")));
    }

    /** Enough per-unit lines to fill several pages. */
    static List<StatementLine> manyLines(int count) {
        var lines = new ArrayList<StatementLine>();
        for (var i = 1; i <= count; i++) {
            lines.add(usage(
                    i,
                    "model-" + i,
                    Unit.values()[i % 4],
                    ChargeModel.PER_UNIT,
                    "1000",
                    "0",
                    tier(1, "1000", "0.01", "0")));
        }
        return lines;
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
