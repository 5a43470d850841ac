package org.citymaas.portal.drift.boundary;

import java.util.List;
import org.citymaas.portal.drift.entity.DriftRow;

/**
 * A month's drift report on the wire.
 *
 * @param month YYYY-MM (Asia/Shanghai)
 * @param threshold PSI at or above which a row is flagged ({@code drift})
 * @param watch PSI at or above which a row is {@code watch}
 * @param minimum predictions below which a row is {@code too-few}
 * @param rows every department's model version used in the month
 */
public record DriftReportView(String month, double threshold, double watch, long minimum, List<Row> rows) {

    /**
     * One department's use of a model version.
     *
     * @param psi null without a reference ({@code no-reference})
     * @param verdict {@code no-reference}, {@code too-few}, {@code stable}, {@code watch} or {@code drift}
     */
    public record Row(
            String department,
            String model,
            String version,
            long predictions,
            Double psi,
            String verdict,
            List<DriftRow.Bin> bins) {}

    static DriftReportView of(DriftReports.DriftReport report) {
        return new DriftReportView(
                report.month().toString(),
                report.settings().threshold(),
                report.settings().watch(),
                report.settings().minimum(),
                report.rows().stream()
                        .map(r -> new Row(
                                r.department(),
                                r.model(),
                                r.version(),
                                r.predictions(),
                                r.psi(),
                                r.verdict().key(),
                                r.bins()))
                        .toList());
    }
}
