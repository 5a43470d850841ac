package org.citymaas.billing.budgets.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * The month-end forecast of a department's cost: the month-to-date cost extrapolated linearly over the
 * month (Asia/Shanghai), {@code monthToDate / elapsed fraction of the month}, rounded to the fen, half up.
 *
 * <p>Early in a month the fraction is tiny and one request would forecast a fortune, so there is no
 * forecast before {@link #FIRST_FORECAST_AFTER} of the month has passed (no forecast alert can fire on a
 * month's first day); afterwards the cost is multiplied by at most the month's length in days. Before
 * the month starts there is no forecast either; once it has ended the forecast is the cost itself.
 */
public final class MonthEndForecast {

    /** How much of a month must have passed before a forecast is made. */
    public static final Duration FIRST_FORECAST_AFTER = Duration.ofDays(1);

    private MonthEndForecast() {}

    /** The forecast for the month at {@code now}, or empty while it is too early to make one. */
    public static Optional<BigDecimal> of(YearMonth month, BigDecimal monthToDateCost, Instant now) {
        Objects.requireNonNull(monthToDateCost, "month-to-date cost");
        Objects.requireNonNull(now, "now");
        var period = new QuotaPeriod(month);
        var start = period.startsAt();
        var end = period.resetsAt();
        if (!now.isBefore(end)) {
            return Optional.of(monthToDateCost.setScale(2, RoundingMode.HALF_UP));
        }
        var elapsed = Duration.between(start, now);
        if (elapsed.compareTo(FIRST_FORECAST_AFTER) < 0) {
            return Optional.empty();
        }
        var length = BigDecimal.valueOf(Duration.between(start, end).toMillis());
        return Optional.of(monthToDateCost
                .multiply(length)
                .divide(BigDecimal.valueOf(elapsed.toMillis()), 2, RoundingMode.HALF_UP));
    }
}
