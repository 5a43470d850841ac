package org.citymaas.runtime.catalog.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group's metrics on the held-out rows, e.g. district {@code 城东区}: MAE and RMSE, or accuracy, selection
 * rate, TPR, FPR and calibration error.
 *
 * @param attribute the group attribute, e.g. {@code district}, {@code sex}, {@code age_band}
 * @param group the group's value of it
 * @param rows held-out rows in the group
 * @param judged whether the group has enough rows ({@link FairnessTolerances#MIN_GROUP_ROWS}) to be judged;
 *     a group too small is listed but left out of the checks
 * @param values metric name to value, in the order written; a value that is undefined for the group (a TPR
 *     without positives) is absent
 */
public record GroupMetric(String attribute, String group, int rows, boolean judged, Map<String, Double> values) {

    public GroupMetric {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a metric, or null when the group has none. */
    public Double value(String metric) {
        return values.get(metric);
    }
}
