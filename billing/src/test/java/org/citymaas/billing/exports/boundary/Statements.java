package org.citymaas.billing.exports.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.billing.statements.entity.UsageCitation;
import org.citymaas.tenant.departments.entity.TenantId;

/** Statements made up for the export tests. */
final class Statements {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String DIGEST = "a".repeat(64);

    private Statements() {}

    static BillingAccount account(String tenant, String nameZh, String costCentre) {
        return new BillingAccount(new TenantId(tenant), nameZh, tenant + " bureau", costCentre, "王主任");
    }

    static StatementLine usage(int lineNo, Unit unit, String listUnitPrice, String quantity, String amount) {
        return new StatementLine(
                lineNo,
                StatementLineKind.USAGE,
                "traffic-flow-forecast",
                "3",
                unit,
                ChargeModel.GRADUATED,
                new BigDecimal(listUnitPrice),
                new BigDecimal(quantity),
                new BigDecimal("100"),
                List.of(),
                new BigDecimal(amount).setScale(9),
                new BigDecimal(amount).setScale(2, java.math.RoundingMode.HALF_UP),
                1500,
                new BigDecimal("81234.5"),
                "gpu",
                NOVEMBER,
                null,
                new UsageCitation(42, DIGEST, "req-42", 7L, "b".repeat(64)));
    }

    static StatementLine trueUp(int lineNo, String amount) {
        return new StatementLine(
                lineNo,
                StatementLineKind.MINIMUM_TRUE_UP,
                "traffic-flow-forecast",
                "3",
                null,
                null,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                List.of(),
                new BigDecimal(amount).setScale(9),
                new BigDecimal(amount).setScale(2),
                0,
                BigDecimal.ZERO,
                null,
                NOVEMBER,
                null,
                UsageCitation.none());
    }

    static StatementLine correction(int lineNo, String quantity, String amount, String corrects) {
        return new StatementLine(
                lineNo,
                StatementLineKind.CORRECTION,
                "noise-classifier",
                "1",
                Unit.REQUEST,
                ChargeModel.PER_UNIT,
                new BigDecimal("0.050000000"),
                new BigDecimal(quantity),
                BigDecimal.ZERO,
                List.of(),
                new BigDecimal(amount).setScale(9),
                new BigDecimal(amount).setScale(2),
                3,
                new BigDecimal("12"),
                "cpu",
                NOVEMBER.minusMonths(1),
                corrects,
                new UsageCitation(3, DIGEST, "req-late", null, null));
    }

    static Statement statement(BillingAccount account, StatementStatus status, String number, StatementLine... lines) {
        var total = List.of(lines).stream()
                .map(StatementLine::rounded)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Statement(
                UUID.randomUUID(),
                account,
                NOVEMBER,
                status,
                number,
                List.of(lines),
                total,
                null,
                Instant.parse("2026-12-04T01:00:00Z"),
                status.isFinal() ? Instant.parse("2026-12-04T02:00:00Z") : null,
                null,
                status == StatementStatus.VOID ? "wrong price card" : null);
    }

    static Statement issued(BillingAccount account, String number, StatementLine... lines) {
        return statement(account, StatementStatus.ISSUED, number, lines);
    }
}
