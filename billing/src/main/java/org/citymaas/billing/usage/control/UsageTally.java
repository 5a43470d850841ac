package org.citymaas.billing.usage.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.citymaas.billing.usage.entity.DailyUsage;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * Reads the usage ledger for reports: a department's month per model per day, and the months that
 * have usage. Days and months are the city's (Asia/Shanghai), as the quota periods are. Works on the
 * caller's connection.
 */
public final class UsageTally {

    private static final String DAILY = "SELECT (occurred_at AT TIME ZONE ?)::date AS day, model, count(*),"
            + " sum(rows), sum(compute_ms) FROM usage_event WHERE tenant_id = ? AND period = ?"
            + " GROUP BY day, model ORDER BY day, model";
    private static final String MONTHS =
            "SELECT DISTINCT period FROM usage_event WHERE tenant_id = ? ORDER BY period DESC";

    /** The department's usage in the month, per model per day. */
    public MonthlyUsage month(Connection connection, TenantId tenant, YearMonth month) throws SQLException {
        try (var daily = connection.prepareStatement(DAILY)) {
            daily.setString(1, QuotaPeriod.CITY_ZONE.getId());
            daily.setString(2, tenant.value());
            daily.setDate(3, Date.valueOf(new QuotaPeriod(month).firstDay()));
            try (var result = daily.executeQuery()) {
                var days = new ArrayList<DailyUsage>();
                while (result.next()) {
                    days.add(new DailyUsage(
                            result.getObject(1, LocalDate.class),
                            result.getString(2),
                            result.getLong(3),
                            result.getLong(4),
                            result.getBigDecimal(5)));
                }
                return new MonthlyUsage(tenant, month, days);
            }
        }
    }

    /** The months with usage, and the current one, newest first. */
    public List<YearMonth> months(Connection connection, TenantId tenant, YearMonth current) throws SQLException {
        var months = new TreeSet<YearMonth>();
        months.add(current);
        try (var query = connection.prepareStatement(MONTHS)) {
            query.setString(1, tenant.value());
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    months.add(YearMonth.from(result.getObject(1, LocalDate.class)));
                }
            }
        }
        return List.copyOf(months.descendingSet());
    }
}
