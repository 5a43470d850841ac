package org.citymaas.portal.batch.entity;

import java.util.Arrays;

/**
 * How a batch line ended. The batch API, the batch page and the results file show a refusal or
 * failure by its status number, and {@code batch_row.error_status} keeps that number: this enum is
 * the one place that says which number each outcome is.
 */
public enum LineOutcome {
    /** Answered; its outputs are kept (the results file says {@code OK}). */
    DONE(null),
    /** A cell that is no value of its field, or values the model's signature refuses. */
    INVALID(400),
    /** The department no longer subscribes to the model (or the version is gone). */
    NOT_SUBSCRIBED(404),
    /** The line's request id was charged for another request. */
    REQUEST_ID_REUSED(409),
    /** The department's enforced monthly budget was spent. */
    REFUSED_BUDGET(402),
    /** The department's monthly quota for the model was used up. */
    REFUSED_QUOTA(429),
    /** The model failed, or the portal did, before or while running it. */
    FAILED(500),
    /** The runtime's queue was full, or the portal was stopping. */
    BUSY(503),
    /** The model did not answer in time. */
    TIMED_OUT(504);

    private final Integer status;

    LineOutcome(Integer status) {
        this.status = status;
    }

    /** The status number a refusal or failure is shown and kept as; null for {@link #DONE}. */
    public Integer status() {
        return status;
    }

    /** The outcome a kept status number stands for; an unknown number is a failure. */
    public static LineOutcome ofStatus(int status) {
        return Arrays.stream(values())
                .filter(o -> o.status != null && o.status == status)
                .findFirst()
                .orElse(FAILED);
    }
}
