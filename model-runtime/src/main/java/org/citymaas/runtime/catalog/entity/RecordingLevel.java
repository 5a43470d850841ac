package org.citymaas.runtime.catalog.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the audit log keeps of a request to a model version. Never the inputs themselves.
 *
 * <ul>
 *   <li>{@code METADATA} (the default): model and version, input names, types and shapes, rows, the
 *       number of personal-data findings per type, the request's digest and the outcome;
 *   <li>{@code REQUEST}: that, and a salted digest (HMAC-SHA256 with a key of the platform) of each
 *       masked input, so that an auditor holding an input can show whether it was the one sent, while
 *       nobody can guess inputs from the log.
 * </ul>
 */
public enum RecordingLevel {
    METADATA,
    REQUEST;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
