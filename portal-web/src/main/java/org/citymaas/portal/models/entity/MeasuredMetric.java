package org.citymaas.portal.models.entity;

/**
 * A metric of a version's card recomputed on a held-out file at upload, next to what the card declares.
 *
 * @param name the metric's name, as on the card ({@code mae_vehicles_per_hour})
 * @param declared the card's value
 * @param measured the value recomputed on the held-out rows
 * @param baseline the card's naive baseline ({@code persistence (last hour's count)}), or null when it declares
 *     none
 * @param declaredBaseline the card's baseline value, or null
 * @param measuredBaseline the baseline recomputed on the same rows, or null
 */
public record MeasuredMetric(
        String name,
        double declared,
        double measured,
        String baseline,
        Double declaredBaseline,
        Double measuredBaseline) {}
