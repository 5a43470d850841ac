package org.citymaas.runtime.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.control.ModelInputs;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.HeldOutEvaluation;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session runner answers what DJL's Predictor answers, for every catalog model and batch size. */
class SessionRunnerIT {

    private static final double TOLERANCE = 1e-6;

    @Test
    void everyCatalogModelGivesThePredictorsOutputs(@TempDir Path cache) {
        var catalog = Catalog.fromClasspath(cache);
        var engine = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU);
        for (ModelRecipe recipe : CatalogRecipes.all()) {
            ModelVersion version = catalog.resolve(ModelRef.of(recipe.name()));
            Table heldOut = recipe.generate().heldOut();
            try (LoadedModel session = engine.load(version);
                    LoadedModel predictor = engine.loadPredictor(version)) {
                // the whole held-out set in chunks of 1,024 rows and its last chunk
                Map<String, Tensor> expected = HeldOutEvaluation.predict(version.card(), predictor, heldOut);
                Map<String, Tensor> actual = HeldOutEvaluation.predict(version.card(), session, heldOut);
                assertThat(actual.keySet()).as(recipe.name()).isEqualTo(expected.keySet());
                expected.forEach((name, e) -> assertClose(recipe.name() + " " + name, actual.get(name), e));

                // the runtime's batch sizes, one runner each reused across them
                var names = version.card().inputs().stream()
                        .map(FieldSpec::name)
                        .filter(heldOut.columns()::containsKey)
                        .toList();
                var prepare = new ModelInputs(version.card());
                try (BatchRunner s = session.newRunner();
                        BatchRunner p = predictor.newRunner()) {
                    int from = 0;
                    for (int rows : new int[] {1, 7, 32, 64, 1, 33}) {
                        List<Tensor> batch =
                                prepare.prepare(heldOut.slice(from, from + rows).columns(names));
                        from += rows;
                        List<Tensor> want = p.run(batch);
                        List<Tensor> got = s.run(batch);
                        assertThat(got)
                                .as(recipe.name() + " outputs of " + rows)
                                .hasSameSizeAs(want);
                        for (int i = 0; i < want.size(); i++) {
                            assertThat(got.get(i).name()).isEqualTo(want.get(i).name());
                            assertClose(recipe.name() + " batch of " + rows, got.get(i), want.get(i));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBadBatchFailsClearlyAndTheRunnerGoesOn(@TempDir Path cache) {
        var catalog = Catalog.fromClasspath(cache);
        ModelVersion version = catalog.resolve(ModelRef.of("traffic-flow-forecast"));
        ModelRecipe recipe = CatalogRecipes.named("traffic-flow-forecast");
        Table rows = recipe.generate().heldOut().slice(0, 4);
        var names = version.card().inputs().stream().map(FieldSpec::name).toList();
        List<Tensor> good = rows.columns(names);
        try (LoadedModel model = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU).load(version);
                BatchRunner runner = model.newRunner()) {
            List<Tensor> before = runner.run(good);

            var missing = new ArrayList<>(good);
            missing.remove(0);
            assertThatThrownBy(() -> runner.run(missing))
                    .isInstanceOf(ModelRuntimeException.class)
                    .hasMessageContaining(good.get(0).name());

            // an INT64 input fed as FP32: TensorFlow's own message
            var wrongType = new ArrayList<Tensor>();
            for (Tensor t : good) {
                wrongType.add(
                        t.datatype() == org.citymaas.runtime.inference.entity.DataType.INT64
                                ? Tensor.fp32(t.name(), t.shape(), new float[t.size()])
                                : t);
            }
            assertThatThrownBy(() -> runner.run(wrongType))
                    .isInstanceOf(ModelRuntimeException.class)
                    .hasMessageContaining("inference failed");

            List<Tensor> after = runner.run(good);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertClose("after the failures", after.get(i), before.get(i));
            }
        }
    }

    private static void assertClose(String what, Tensor actual, Tensor expected) {
        assertThat(actual.datatype()).as(what).isEqualTo(expected.datatype());
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        float[] a = actual.floats();
        float[] e = expected.floats();
        for (int i = 0; i < e.length; i++) {
            double allowed = TOLERANCE * Math.max(1, Math.abs(e[i]));
            if (Math.abs(a[i] - e[i]) > allowed) {
                throw new AssertionError(what + ": element " + i + " is " + a[i] + ", the Predictor gave " + e[i]);
            }
        }
    }
}
