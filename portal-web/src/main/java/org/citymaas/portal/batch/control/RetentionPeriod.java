package org.citymaas.portal.batch.control;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Locale;

/**
 * How long a finished batch job's data is kept ({@code citymaas.batch.retention}), as an ISO-8601
 * duration: days and times ({@code P30D}, {@code PT12H}) are exact; months, weeks and years
 * ({@code P3M}, {@code P1Y}) are calendar ones in the city's zone, as the quota months are.
 */
public final class RetentionPeriod {

    /** The city's calendar. */
    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final String text;
    private final TemporalAmount amount;

    private RetentionPeriod(String text, TemporalAmount amount) {
        this.text = text;
        this.amount = amount;
    }

    /**
     * Reads an ISO-8601 duration.
     *
     * @throws IllegalArgumentException it is not one, or it is not longer than zero
     */
    public static RetentionPeriod parse(String iso) {
        var text = iso == null ? "" : iso.strip().toUpperCase(Locale.ROOT);
        TemporalAmount amount;
        boolean positive;
        try {
            var duration = Duration.parse(text);
            amount = duration;
            positive = !duration.isNegative() && !duration.isZero();
        } catch (DateTimeParseException notExact) {
            try {
                var period = Period.parse(text);
                amount = period;
                positive = !period.isNegative() && !period.isZero();
            } catch (DateTimeParseException notCalendar) {
                throw new IllegalArgumentException(
                        "citymaas.batch.retention is not an ISO-8601 duration (such as P30D or P3M): '" + iso + "'");
            }
        }
        if (!positive) {
            throw new IllegalArgumentException("citymaas.batch.retention must be longer than zero: '" + iso + "'");
        }
        return new RetentionPeriod(text, amount);
    }

    /**
     * The end of the kept window: jobs that finished before it are purged. Never before 1970 (no job
     * is that old), so that a very long period stays a time the database can hold.
     */
    public Instant cutoff(Instant now) {
        try {
            var cutoff = amount instanceof Duration duration
                    ? now.minus(duration)
                    : now.atZone(CITY).minus(amount).toInstant();
            return cutoff.isBefore(Instant.EPOCH) ? Instant.EPOCH : cutoff;
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.EPOCH;
        }
    }

    /** The ISO-8601 text, as configured (upper case). */
    @Override
    public String toString() {
        return text;
    }
}
