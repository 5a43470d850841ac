package org.citymaas.runtime.training.boundary;

import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FairnessReport;

/**
 * Fairness reports as JSON text in the card's own {@code fairness} form (snake_case), for keeping a report
 * recomputed on a held-out file ({@link HeldOutMetrics}) outside a card, e.g. in the portal's database.
 */
public final class FairnessReports {

    private FairnessReports() {}

    public static String toJson(FairnessReport report) {
        return ModelCardCodec.fairnessJson(report);
    }

    public static FairnessReport fromJson(String json) {
        return ModelCardCodec.parseFairness(json);
    }
}
