package org.citymaas.billing.pricing.entity;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A month's total for the whole city, reconciled with its departments' totals.
 *
 * @param departments each department's total, the sum of its rounded lines, scale 2
 * @param rounding the city total less the sum of the department totals, as a line of its own
 * @param total the exact sum of every line of every department, rounded once to the fen
 */
public record CityTotal(Map<TenantId, BigDecimal> departments, ChargeLine rounding, BigDecimal total) {

    public CityTotal {
        var sorted = new TreeMap<TenantId, BigDecimal>((a, b) -> a.value().compareTo(b.value()));
        sorted.putAll(departments);
        departments = Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(rounding, "rounding line");
        if (rounding.kind() != LineKind.ROUNDING) {
            throw new IllegalArgumentException("the city's rounding line is a ROUNDING line");
        }
        ChargeLine.requireScale(total, ChargeLine.FEN_SCALE);
        var sum = departments.values().stream().reduce(rounding.rounded(), BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("departments " + sum + " with rounding do not add up to " + total);
        }
    }

    /** The sum of the department totals, before the rounding line. */
    public BigDecimal departmentsTotal() {
        return departments.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
