package org.citymaas.portal.models.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredMetric;
import org.citymaas.runtime.catalog.entity.Metric;

/**
 * Whether a card's declared metrics agree with the ones recomputed on a held-out file. One rule for every
 * metric and every baseline: the measured value lies within 2% of the declared value, or within 0.001 of it
 * when that is wider (so that a declared 0 or a small error is not held to a precision the file's decimals
 * cannot carry). Errors (MAE) and scores (accuracy, AUC) alike: a card that claims a better model than the
 * file shows is refused, and so is one that claims a worse one.
 */
public final class MetricTolerance {

    /** Relative tolerance: 2% of the declared value. */
    public static final double RELATIVE = 0.02;

    /** Absolute floor of the tolerance. */
    public static final double ABSOLUTE = 0.001;

    private MetricTolerance() {}

    public static boolean agrees(double declared, double measured) {
        return Math.abs(measured - declared) <= Math.max(RELATIVE * Math.abs(declared), ABSOLUTE);
    }

    /**
     * Every declared metric (and its baseline, where the card declares one) against the measured ones.
     *
     * @throws RejectedModelUploadException {@code heldout-mismatch} naming the first metric outside the
     *     tolerance with its declared and measured values and the row count; {@code heldout-unsupported} when a
     *     declared metric has no definition
     */
    public static HeldOutCheck compare(List<Metric> declared, List<Metric> measured, int rows) {
        var checked = new ArrayList<MeasuredMetric>();
        for (var d : declared) {
            var m = measured.stream()
                    .filter(x -> x.name().equals(d.name()))
                    .findFirst()
                    .orElseThrow(() -> new RejectedModelUploadException(
                            "heldout-unsupported",
                            "the card declares the metric '" + d.name() + "', which its generator does not define"
                                    + " (it defines "
                                    + String.join(
                                            ", ",
                                            measured.stream().map(Metric::name).toList())
                                    + ")",
                            Map.of("metric", d.name())));
            if (!agrees(d.value(), m.value())) {
                throw mismatch(d.name(), d.value(), m.value(), rows);
            }
            boolean hasBaseline = d.baseline() != null && !d.baseline().isBlank();
            if (hasBaseline && !agrees(d.baselineValue(), m.baselineValue())) {
                throw mismatch(d.name() + " baseline", d.baselineValue(), m.baselineValue(), rows);
            }
            checked.add(new MeasuredMetric(
                    d.name(),
                    d.value(),
                    m.value(),
                    hasBaseline ? d.baseline() : null,
                    hasBaseline ? d.baselineValue() : null,
                    hasBaseline ? m.baselineValue() : null));
        }
        return new HeldOutCheck(rows, checked);
    }

    private static RejectedModelUploadException mismatch(String metric, double declared, double measured, int rows) {
        return new RejectedModelUploadException(
                "heldout-mismatch",
                "the card declares " + metric + " " + HeldOutCheck.number(declared) + " but it measures "
                        + HeldOutCheck.number(measured) + " on the " + rows
                        + " held-out rows (allowed: within 2% of the declared value, at least 0.001)",
                Map.of("metric", metric, "declared", declared, "measured", measured, "rows", rows));
    }
}
