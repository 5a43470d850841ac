package org.citymaas.portal.metrics.entity;

import java.util.Locale;

/** How a governed request ended, as the {@code outcome} tag: answered, refused (4xx), failed (5xx). */
public enum Outcome {
    OK,
    REFUSED,
    FAILED;

    /** The outcome of an HTTP answer's status. */
    public static Outcome of(int status) {
        if (status >= 500) {
            return FAILED;
        }
        return status >= 400 ? REFUSED : OK;
    }

    /** The tag value: {@code ok}, {@code refused} or {@code failed}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
