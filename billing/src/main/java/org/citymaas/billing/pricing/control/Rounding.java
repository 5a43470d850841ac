package org.citymaas.billing.pricing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.citymaas.billing.pricing.entity.ChargeLine;
import org.citymaas.billing.pricing.entity.CityTotal;
import org.citymaas.billing.pricing.entity.LineKind;
import org.citymaas.billing.pricing.entity.MonthlyCharge;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Where CNY amounts are rounded, and how.
 *
 * <ol>
 *   <li>Computing: each tier's quantity times its price is taken to scale 9, half up (exact whenever
 *       the quantity is whole, since prices have at most 9 decimals); flat fees are added as they are.
 *       A usage line's exact amount is the sum of its tiers, still scale 9.
 *   <li>Per line: the line's exact amount is rounded once to the fen (scale 2), half up: 0.005 becomes
 *       0.01, 0.004999999 becomes 0.00. Nothing is rounded before (no tier, no unit price) and nothing
 *       after: totals add rounded lines.
 *   <li>Minimum true-up: computed from the rounded lines (minimum less their sum), so it is in fen and
 *       the subscription's rounded total is exactly the minimum.
 *   <li>City: the exact amounts of every line of every department are added and that sum is rounded
 *       once to the fen; each department's total is the sum of its rounded lines. The two differ by
 *       the accumulated per-line rounding, which is shown as a rounding line (either sign), so that the
 *       department totals plus the rounding line equal the city total.
 * </ol>
 */
public final class Rounding {

    private Rounding() {}

    /** An amount at the compute scale, 9, half up. */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(ChargeLine.EXACT_SCALE, RoundingMode.HALF_UP);
    }

    /** An amount rounded to the fen, half up. */
    public static BigDecimal toFen(BigDecimal amount) {
        return amount.setScale(ChargeLine.FEN_SCALE, RoundingMode.HALF_UP);
    }

    /** The city's month from every department's subscription charges, with its rounding line. */
    public static CityTotal cityTotal(Map<TenantId, List<MonthlyCharge>> charges) {
        var departments = charges.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> toFen(sum(e.getValue(), MonthlyCharge::total))));
        var exact = charges.values().stream()
                .map(c -> sum(c, MonthlyCharge::exactTotal))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        var total = toFen(exact);
        var departmentsTotal = departments.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        var rounding = ChargeLine.inFen(LineKind.ROUNDING, toFen(total.subtract(departmentsTotal)));
        return new CityTotal(departments, rounding, total);
    }

    private static BigDecimal sum(List<MonthlyCharge> charges, Function<MonthlyCharge, BigDecimal> amount) {
        return charges.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
