package org.citymaas.portal.drift.entity;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a prediction count is kept under: a department's use of a model version in a calendar month
 * (Asia/Shanghai).
 */
public record CountKey(String department, String model, String version, YearMonth month) {

    /** The order in which keys are written: the same in every instance, so concurrent flushes never deadlock. */
    public static final Comparator<CountKey> WRITE_ORDER = Comparator.comparing(CountKey::month)
            .thenComparing(CountKey::department)
            .thenComparing(CountKey::model)
            .thenComparing(CountKey::version);

    public CountKey {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(month, "month");
    }
}
