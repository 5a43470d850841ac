package org.citymaas.portal.metrics.entity;

/**
 * A timer's figures: how many were timed, the median and 95th percentile in milliseconds (of the
 * timer's recent observations, {@code NaN} when none).
 */
public record Latency(long count, double p50Millis, double p95Millis) {

    public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN);
}
