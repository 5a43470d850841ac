package org.citymaas.billing.usage.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a department's requests to one model used in a whole month.
 *
 * @param model the catalog model
 * @param requests charged requests
 * @param rows input rows processed
 * @param computeMillis compute time, summed
 */
public record ModelUsage(String model, long requests, long rows, BigDecimal computeMillis) {

    public ModelUsage {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(computeMillis, "computeMillis");
    }

    static ModelUsage of(DailyUsage day) {
        return new ModelUsage(day.model(), day.requests(), day.rows(), day.computeMillis());
    }

    ModelUsage plus(ModelUsage other) {
        return new ModelUsage(
                model, requests + other.requests, rows + other.rows, computeMillis.add(other.computeMillis));
    }
}
