package org.citymaas.portal.models.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FairnessReport;

/** Fairness sections of the test fixtures' cards, as measured on their SavedModels. */
final class FairnessCards {

    /** traffic-flow-forecast version 2 (retrained from another seed): within the tolerance. */
    static final FairnessReport TRAFFIC_2 = read("/model-versions/traffic-flow-forecast-2/model-card.json");

    /** The health-risk variant trained on labels biased against women: outside on sex. */
    static final FairnessReport BIASED_HEALTH_2 = read("/model-versions/health-risk-2-biased/model-card.json");

    /** health-risk version 1 as shipped. */
    static final FairnessReport HEALTH_1 = read("/catalog/health-risk/1/model-card.json");

    private FairnessCards() {}

    private static FairnessReport read(String resource) {
        try (InputStream in = FairnessCards.class.getResourceAsStream(resource)) {
            return ModelCardCodec.parse(in.readAllBytes()).fairness();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
