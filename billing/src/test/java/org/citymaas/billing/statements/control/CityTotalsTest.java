package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.billing.statements.entity.UsageCitation;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class CityTotalsTest {

    private static Statement statement(String tenant, String... exact) {
        var lines = new java.util.ArrayList<StatementLine>();
        for (var amount : exact) {
            var value = new BigDecimal(amount);
            lines.add(new StatementLine(
                    lines.size() + 1,
                    StatementLineKind.USAGE,
                    "m",
                    "1",
                    Unit.REQUEST,
                    ChargeModel.PER_UNIT,
                    new BigDecimal("0.001000000"),
                    BigDecimal.ONE,
                    BigDecimal.ZERO,
                    List.of(),
                    value,
                    value.setScale(2, java.math.RoundingMode.HALF_UP),
                    1,
                    BigDecimal.ZERO,
                    "cpu",
                    YearMonth.of(2026, 5),
                    null,
                    UsageCitation.none()));
        }
        var total = lines.stream().map(StatementLine::rounded).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new Statement(
                null,
                new BillingAccount(new TenantId(tenant), "z", "e", "cc", "h"),
                YearMonth.of(2026, 5),
                StatementStatus.OPEN,
                null,
                lines,
                total,
                null,
                Instant.EPOCH,
                null,
                null,
                null);
    }

    @Test
    void theCityTotalRoundsTheExactSumOnceAndARoundingLineReconcilesTheDepartments() {
        var city = CityTotals.of(
                List.of(statement("transport", "0.004000000", "0.004000000"), statement("health", "0.004000000")));

        assertThat(city.departmentsTotal()).isEqualByComparingTo("0.00");
        assertThat(city.total()).isEqualByComparingTo("0.01");
        assertThat(city.rounding().rounded()).isEqualByComparingTo("0.01");
    }
}
