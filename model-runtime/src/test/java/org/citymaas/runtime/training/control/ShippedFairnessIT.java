package org.citymaas.runtime.training.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.GroupMetric;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped card has its fairness table, and the shipped SavedModels, run by the real engine on the recipes'
 * held-out rows with their group attributes, reproduce it (to the last digits); each card's verdict is what the README says.
 */
class ShippedFairnessIT {

    /** Whether each shipped card is within its tolerance (model-runtime README, "Fairness"). */
    private static final Map<String, Boolean> WITHIN = Map.of(
            "traffic-flow-forecast", true,
            "education-score-predict", true,
            "air-quality-forecast", true,
            "complaint-routing", true,
            "health-risk", false);

    /** The group attributes of each shipped card. */
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "traffic-flow-forecast", "[district]",
            "education-score-predict", "[district, school_type]",
            "air-quality-forecast", "[district]",
            "complaint-routing", "[department_size]",
            "health-risk", "[age_band, sex]");

    @Test
    void everyShippedCardsFairnessTableIsReproducedByItsModel(@TempDir Path cache) {
        var catalog = Catalog.fromClasspath(cache);
        var engine = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU);
        var verdicts = new TreeMap<String, Boolean>();
        for (ModelRecipe recipe : CatalogRecipes.all()) {
            ModelVersion version = catalog.resolve(ModelRef.of(recipe.name()));
            FairnessReport recorded = version.card().fairness();
            assertThat(recorded).as(recipe.name() + " has a fairness table").isNotNull();
            assertThat(recorded.checks()).as(recipe.name()).isNotEmpty();
            assertThat(recorded.groups().stream()
                            .map(GroupMetric::attribute)
                            .distinct()
                            .toList()
                            .toString())
                    .isEqualTo(ATTRIBUTES.get(recipe.name()));
            FairnessReport measured;
            try (LoadedModel model = engine.load(version)) {
                measured = HeldOutEvaluation.fairness(recipe, version.card(), model);
            }
            // the same groups, checks and verdicts; numbers within the last digits (TensorFlow's thread settings
            // may change a float's rounding, as in ShippedModelsIT)
            assertThat(measured.groups()).as(recipe.name()).hasSameSizeAs(recorded.groups());
            for (int i = 0; i < recorded.groups().size(); i++) {
                GroupMetric r = recorded.groups().get(i);
                GroupMetric m = measured.groups().get(i);
                assertThat(m.attribute() + " " + m.group() + " " + m.rows() + " " + m.judged())
                        .isEqualTo(r.attribute() + " " + r.group() + " " + r.rows() + " " + r.judged());
                assertThat(m.values().keySet()).isEqualTo(r.values().keySet());
                r.values()
                        .forEach((k, v) -> assertThat(m.value(k))
                                .as(recipe.name() + " " + r.group() + " " + k)
                                .isCloseTo(v, within(Math.max(1e-5, Math.abs(v) * 1e-4))));
            }
            assertThat(measured.checks()).as(recipe.name()).hasSameSizeAs(recorded.checks());
            for (int i = 0; i < recorded.checks().size(); i++) {
                FairnessCheck r = recorded.checks().get(i);
                FairnessCheck m = measured.checks().get(i);
                assertThat(List.of(m.attribute(), m.metric(), m.worstGroup() + "/" + m.bestGroup(), m.within()))
                        .isEqualTo(
                                List.of(r.attribute(), r.metric(), r.worstGroup() + "/" + r.bestGroup(), r.within()));
                assertThat(m.value()).isCloseTo(r.value(), within(Math.max(1e-5, Math.abs(r.value()) * 1e-4)));
            }
            assertThat(recorded.checks())
                    .as(recipe.name() + ": the card's verdicts are the platform's")
                    .allMatch(c -> c.within() == c.withinLimit(c.tolerance()));
            verdicts.put(recipe.name(), recorded.withinTolerance());
        }
        assertThat(verdicts).isEqualTo(new TreeMap<>(WITHIN));
    }
}
