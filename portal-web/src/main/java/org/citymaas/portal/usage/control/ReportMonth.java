package org.citymaas.portal.usage.control;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/** The month a usage report covers: a calendar month in Asia/Shanghai, written YYYY-MM. */
public record ReportMonth(YearMonth month) {

    private static final Pattern YYYY_MM = Pattern.compile("\\d{4}-\\d{2}");

    public ReportMonth {
        Objects.requireNonNull(month, "month");
    }

    /** The month it is now in the city. */
    public static ReportMonth current(Clock clock) {
        return new ReportMonth(YearMonth.now(clock.withZone(QuotaPeriod.CITY_ZONE)));
    }

    /**
     * The month a caller asked for; none (null or blank) is the current month.
     *
     * @throws InvalidParameterException not YYYY-MM, no such month, or one that has not begun
     */
    public static ReportMonth parse(String text, ReportMonth current) {
        if (text == null || text.isBlank()) {
            return current;
        }
        var trimmed = text.strip();
        if (!YYYY_MM.matcher(trimmed).matches()) {
            throw new InvalidParameterException("month", "a month is written YYYY-MM, e.g. " + current);
        }
        YearMonth month;
        try {
            month = YearMonth.parse(trimmed);
        } catch (DateTimeException e) {
            throw new InvalidParameterException(
                    "month", "'" + trimmed + "' is no month; write YYYY-MM, e.g. " + current);
        }
        if (month.isAfter(current.month())) {
            throw new InvalidParameterException("month", trimmed + " has not begun yet (Asia/Shanghai)");
        }
        return new ReportMonth(month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
