package org.citymaas.runtime.catalog.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The card's fairness section: per-group metrics on the held-out rows by group attributes that are not model
 * inputs, and the checks against {@link FairnessTolerances}.
 *
 * @param definitions how the metrics are defined for this model (threshold, one-vs-rest, bins), for people
 * @param minGroupRows groups with fewer held-out rows are listed but not judged
 * @param groups every group of every attribute with its metrics
 * @param checks each attribute's checks, with tolerance and verdict
 * @param tolerances the tolerance of each check metric used, with its source
 */
public record FairnessReport(
        String definitions,
        int minGroupRows,
        List<GroupMetric> groups,
        List<FairnessCheck> checks,
        Map<String, FairnessTolerances.Tolerance> tolerances) {

    public FairnessReport {
        tolerances = tolerances == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
        groups = groups == null ? List.of() : List.copyOf(groups);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The checks outside the tolerances the platform sets today ({@link FairnessTolerances}), in card order. */
    public List<FairnessCheck> outside() {
        return checks.stream()
                .filter(c -> FairnessTolerances.known(c.metric()))
                .filter(c -> !c.withinLimit(FairnessTolerances.limit(c.metric())))
                .toList();
    }

    /** Whether the report has at least one check the platform judges and every such check is within. */
    public boolean withinTolerance() {
        return checks.stream().anyMatch(c -> FairnessTolerances.known(c.metric()))
                && outside().isEmpty();
    }
}
