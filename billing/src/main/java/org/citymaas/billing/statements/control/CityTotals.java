package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import org.citymaas.billing.pricing.control.Rounding;
import org.citymaas.billing.pricing.entity.ChargeLine;
import org.citymaas.billing.pricing.entity.CityTotal;
import org.citymaas.billing.pricing.entity.LineKind;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The city's total of a month from its departments' statements, as {@link Rounding#cityTotal} does for
 * charges: the exact amounts of every line of every statement are added and rounded once to the fen;
 * each department's total is its statement's total (the sum of its rounded lines); a rounding line
 * shows the difference, so that the department totals plus the rounding line equal the city total.
 */
public final class CityTotals {

    private CityTotals() {}

    public static CityTotal of(List<Statement> statements) {
        var departments = new HashMap<TenantId, BigDecimal>();
        var exact = BigDecimal.ZERO.setScale(ChargeLine.EXACT_SCALE);
        for (var statement : statements) {
            if (departments.put(statement.account().tenant(), statement.total()) != null) {
                throw new IllegalArgumentException("one statement per department: "
                        + statement.account().tenant().value() + " has two");
            }
            exact = statement.lines().stream().map(StatementLine::amount).reduce(exact, BigDecimal::add);
        }
        var total = Rounding.toFen(exact);
        var departmentsTotal = departments.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new CityTotal(departments, ChargeLine.inFen(LineKind.ROUNDING, total.subtract(departmentsTotal)), total);
    }
}
