package org.citymaas.runtime.training.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped SavedModels, run by the real TensorFlow engine, still score what their cards say. */
class ShippedModelsIT {

    @Test
    void everyShippedModelReproducesItsRecordedHeldOutMetrics(@TempDir Path cache) {
        var catalog = Catalog.fromClasspath(cache);
        var engine = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU);
        for (ModelRecipe recipe : CatalogRecipes.all()) {
            ModelVersion version = catalog.resolve(ModelRef.of(recipe.name()));
            List<Metric> measured;
            try (LoadedModel model = engine.load(version)) {
                measured = HeldOutEvaluation.evaluate(recipe, version.card(), model);
            }
            List<Metric> recorded = version.card().metrics();
            assertThat(measured).as(recipe.name()).hasSameSizeAs(recorded);
            for (int i = 0; i < recorded.size(); i++) {
                Metric r = recorded.get(i);
                Metric m = measured.get(i);
                assertThat(m.name()).isEqualTo(r.name());
                assertThat(m.rows()).isEqualTo(r.rows());
                assertThat(m.baselineValue())
                        .as(recipe.name() + " " + r.name() + " baseline")
                        .isCloseTo(r.baselineValue(), within(1e-6));
                assertThat(m.value())
                        .as(recipe.name() + " " + r.name())
                        .isCloseTo(r.value(), within(Math.max(1e-4, Math.abs(r.value()) * 1e-3)));
                assertThat(m.beatsBaseline(0.05))
                        .as(recipe.name() + " " + r.name() + " beats its baseline")
                        .isTrue();
            }
        }
    }
}
