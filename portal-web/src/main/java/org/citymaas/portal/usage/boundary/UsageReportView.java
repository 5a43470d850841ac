package org.citymaas.portal.usage.boundary;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * A department's usage in one month, as the API shows it.
 *
 * @param department the department's id
 * @param month the month, YYYY-MM
 * @param zone the zone its days and months are counted in (Asia/Shanghai)
 * @param months the months with usage and the current one, newest first (for a month picker)
 * @param days per day and model: charged requests, rows and compute time, by day, then model
 * @param totals the month per model, by model
 */
public record UsageReportView(
        String department,
        String month,
        String zone,
        List<String> months,
        List<DayUsage> days,
        List<ModelTotal> totals) {

    /** One model on one day. */
    public record DayUsage(String day, String model, long requests, long rows, BigDecimal computeMs) {}

    /** One model over the month. */
    public record ModelTotal(String model, long requests, long rows, BigDecimal computeMs) {}

    static UsageReportView of(MonthlyUsage usage, List<YearMonth> months) {
        return new UsageReportView(
                usage.tenant().value(),
                usage.month().toString(),
                QuotaPeriod.CITY_ZONE.getId(),
                months.stream().map(YearMonth::toString).toList(),
                usage.days().stream()
                        .map(d ->
                                new DayUsage(d.day().toString(), d.model(), d.requests(), d.rows(), d.computeMillis()))
                        .toList(),
                usage.totals().stream()
                        .map(t -> new ModelTotal(t.model(), t.requests(), t.rows(), t.computeMillis()))
                        .toList());
    }
}
