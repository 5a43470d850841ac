package org.citymaas.runtime.catalog.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the portal must treat a field's value before a model, a log or the audit trail sees it. */
public enum Sensitivity {
    /** Not personal data. */
    NONE,
    /** Free text scanned for personal data, which is masked. */
    MASK,
    /** Replaced by a keyed pseudonym. */
    PSEUDONYMIZE,
    /** Removed: the schema accepts it, the model never receives it. */
    DROP;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
