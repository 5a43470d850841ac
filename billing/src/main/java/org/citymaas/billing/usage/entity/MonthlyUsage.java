package org.citymaas.billing.usage.entity;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's usage in one calendar month (Asia/Shanghai), per model per day.
 *
 * @param tenant the department
 * @param month the month
 * @param days one entry per day and model that had charged requests, by day, then model
 */
public record MonthlyUsage(TenantId tenant, YearMonth month, List<DailyUsage> days) {

    public MonthlyUsage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        days = days.stream()
                .sorted(Comparator.comparing(DailyUsage::day).thenComparing(DailyUsage::model))
                .toList();
        if (days.stream().anyMatch(d -> !YearMonth.from(d.day()).equals(month))) {
            throw new IllegalArgumentException("every day must lie in " + month);
        }
    }

    /** The month's totals per model, by model name. */
    public List<ModelUsage> totals() {
        var totals = new TreeMap<String, ModelUsage>();
        for (var day : days) {
            totals.merge(day.model(), ModelUsage.of(day), ModelUsage::plus);
        }
        return List.copyOf(totals.values());
    }

    /** The models used this month, by name. */
    public List<String> models() {
        return totals().stream().map(ModelUsage::model).toList();
    }
}
