package org.citymaas.portal.models.entity;

import org.citymaas.runtime.catalog.entity.FairnessReport;

/**
 * A version's fairness report as the portal recomputed it at upload, on the held-out file's rows with their
 * group columns, after it agreed with the card's declared table. What the publishing rule judges.
 *
 * @param rows held-out rows it was measured on
 * @param report the report (the card's {@code fairness} form; its groups are the card's)
 */
public record MeasuredFairness(int rows, FairnessReport report) {

    /** What the version's view says: {@code fairness recomputed on 1200 held-out rows}. */
    public String note() {
        return "fairness recomputed on " + rows + " held-out rows";
    }

    /** What it says when nothing was recomputed. */
    public static final String NOT_RECOMPUTED = "fairness declared by the uploader, not recomputed";

    /** What it says of a shipped version: nothing was uploaded; its trainer measured the table. */
    public static final String SHIPPED = "shipped: fairness measured by the trainer, not uploaded";
}
