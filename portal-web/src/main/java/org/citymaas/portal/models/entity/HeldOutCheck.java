package org.citymaas.portal.models.entity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The outcome of recomputing a version's declared metrics on a held-out file at upload: every declared
 * metric agreed within the tolerance.
 *
 * @param rows held-out rows measured on
 * @param metrics each declared metric, declared and measured
 */
public record HeldOutCheck(int rows, List<MeasuredMetric> metrics) {

    public HeldOutCheck {
        metrics = List.copyOf(metrics);
    }

    /** What the version's view says: {@code measured on 7440 held-out rows: mae 39.541 (declared 39.541)}. */
    public String note() {
        var parts = metrics.stream()
                .map(m -> m.name() + " " + number(m.measured()) + " (declared " + number(m.declared()) + ")")
                .toList();
        return "measured on " + rows + " held-out rows" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    /** A number as notes and the audit trail write it: at most 6 significant digits, no exponent for usual sizes. */
    public static String number(double value) {
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
