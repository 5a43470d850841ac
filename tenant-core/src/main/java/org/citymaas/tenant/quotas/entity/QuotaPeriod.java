package org.citymaas.tenant.quotas.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/** A quota window: one calendar month in the city's time zone. */
public record QuotaPeriod(YearMonth month) {

    /** The city's zone: months start at midnight in Shanghai, not in UTC. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    public QuotaPeriod {
        Objects.requireNonNull(month, "month");
    }

    /** The period an instant falls in. */
    public static QuotaPeriod containing(Instant instant) {
        return new QuotaPeriod(YearMonth.from(instant.atZone(CITY_ZONE)));
    }

    /** How the period is stored: the month's first day. */
    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public Instant startsAt() {
        return month.atDay(1).atStartOfDay(CITY_ZONE).toInstant();
    }

    /** When the next period starts and the quota is full again. */
    public Instant resetsAt() {
        return month.plusMonths(1).atDay(1).atStartOfDay(CITY_ZONE).toInstant();
    }
}
