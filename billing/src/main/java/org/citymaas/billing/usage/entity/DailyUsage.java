package org.citymaas.billing.usage.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a department's requests to one model used on one day (a calendar day in Asia/Shanghai).
 *
 * @param day the day in the city's zone
 * @param model the catalog model
 * @param requests charged requests
 * @param rows input rows processed
 * @param computeMillis compute time, summed
 */
public record DailyUsage(LocalDate day, String model, long requests, long rows, BigDecimal computeMillis) {

    public DailyUsage {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(computeMillis, "computeMillis");
    }
}
