package org.citymaas.runtime.catalog.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much harm a wrong answer can do, which decides the review a version needs before publishing. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
