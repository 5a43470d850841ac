package org.citymaas.runtime.training.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.catalog.entity.TrainingData;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.GroupAttributes;
import org.citymaas.runtime.training.control.Table;
import org.citymaas.runtime.training.control.TrafficFlowRecipe;
import org.junit.jupiter.api.Test;

class HeldOutMetricsTest {

    private static final Catalog CATALOG = Catalog.fromDirectory(Path.of("src/main/resources/catalog"));
    private static final ShareKey CHECKS = ShareKey.of("checks");

    /** Forecasts persistence (the last hour's count) for traffic-flow-forecast, counting its calls and rows. */
    private static final class PersistenceEngine implements InferenceEngine {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger rows = new AtomicInteger();

        @Override
        public String device() {
            return "cpu()";
        }

        @Override
        public LoadedModel load(ModelVersion version) {
            return new LoadedModel() {
                @Override
                public BatchRunner newRunner() {
                    return new BatchRunner() {
                        @Override
                        public List<Tensor> run(List<Tensor> inputs) {
                            var recent = inputs.stream()
                                    .filter(t -> t.name().equals("recent_counts"))
                                    .findFirst()
                                    .orElseThrow();
                            int n = recent.rows();
                            calls.incrementAndGet();
                            rows.addAndGet(n);
                            var next = new float[n];
                            for (int i = 0; i < n; i++) {
                                next[i] = recent.floats()[i * 24 + 23];
                            }
                            return List.of(Tensor.fp32("vehicles_next_hour", new long[] {n, 1}, next));
                        }

                        @Override
                        public void close() {}
                    };
                }

                @Override
                public void close() {}
            };
        }
    }

    private static org.citymaas.runtime.catalog.entity.ModelCard card(String model) {
        return CATALOG.resolve(ModelRef.of(model)).card();
    }

    @Test
    void aTrafficFileHoldsTheCardsInputsThenTheTrainersTargetColumn() {
        var columns =
                HeldOutMetrics.of(card("traffic-flow-forecast")).orElseThrow().columns();

        assertThat(columns.stream().map(FieldSpec::name))
                .containsExactly(
                        "recent_counts", "hour_of_day", "day_of_week", "is_holiday", "precipitation_mm", "target");
        var target = columns.get(5);
        assertThat(target.datatype()).isEqualTo(DataType.FP32);
        assertThat(target.rowWidth()).isEqualTo(1);
        assertThat(columns.get(0).rowWidth()).isEqualTo(24);
    }

    @Test
    void complaintRoutingIsCheckedAgainstItsTwoLabelColumns() {
        var columns = HeldOutMetrics.of(card("complaint-routing")).orElseThrow().columns();
        var targets = columns.subList(columns.size() - 2, columns.size());

        assertThat(targets.stream().map(FieldSpec::name)).containsExactly("department", "category");
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.datatype()).isEqualTo(DataType.INT64);
            assertThat(t.minimum()).isZero();
        });
        var departments = card("complaint-routing").outputs().stream()
                .filter(o -> o.name().equals("department_probs"))
                .findFirst()
                .orElseThrow()
                .rowWidth();
        assertThat(targets.get(0).maximum()).isEqualTo(departments - 1.0);
    }

    @Test
    void aCardFromAnotherGeneratorHasNoDefinitions() {
        var card = card("traffic-flow-forecast")
                .withTrainingData(new TrainingData("elsewhere", "com.example.OwnTrainer", 1, 10, 10));

        assertThat(HeldOutMetrics.of(card)).isEmpty();
    }

    @Test
    void recomputesTheMetricAndItsBaselineThroughTheRuntimeInBatchesOfRows() {
        var card = card("traffic-flow-forecast");
        Table heldOut = new TrafficFlowRecipe().generate().heldOut();
        var engine = new PersistenceEngine();
        try (var runtime = new ModelRuntime(CATALOG, RuntimeConfig.defaults().withWorkers(1), engine)) {
            var measured =
                    HeldOutMetrics.of(card).orElseThrow().measure(runtime, CHECKS, heldOut.rows(), heldOut.columns());

            // the engine answered persistence, so the model's MAE is the persistence baseline's, by hand:
            float[] recent = heldOut.column("recent_counts").floats();
            float[] truth = heldOut.column("target").floats();
            double sum = 0;
            for (int i = 0; i < truth.length; i++) {
                sum += Math.abs(recent[i * 24 + 23] - truth[i]);
            }
            double persistence = sum / truth.length;
            assertThat(measured).hasSize(1);
            var mae = measured.get(0);
            assertThat(mae.name()).isEqualTo("mae_vehicles_per_hour");
            assertThat(mae.rows()).isEqualTo(7440);
            assertThat(mae.value()).isCloseTo(persistence, within(1e-3));
            assertThat(mae.baselineValue()).isCloseTo(persistence, within(1e-3));
            // the shipped card's declared baseline was measured on the same generated rows
            assertThat(mae.baselineValue()).isCloseTo(card.metrics().get(0).baselineValue(), within(1e-3));
            assertThat(engine.rows.get()).isEqualTo(7440);
            assertThat(engine.calls.get()).as("batched, not a call per row").isLessThanOrEqualTo(15);
        }
    }

    @Test
    void rowsTheSchemaRefusesAreNamedByTheirLines() {
        var card = card("traffic-flow-forecast");
        var heldOut = new TrafficFlowRecipe().generate().heldOut().slice(0, 600);
        var hours = heldOut.column("hour_of_day").longs().clone();
        hours[530] = 24;
        var columns = new LinkedHashMap<>(heldOut.columns());
        columns.put("hour_of_day", Tensor.int64("hour_of_day", new long[] {600, 1}, hours));
        try (var runtime =
                new ModelRuntime(CATALOG, RuntimeConfig.defaults().withWorkers(1), new PersistenceEngine())) {
            var refused = catchThrowableOfType(
                    () -> HeldOutMetrics.of(card).orElseThrow().measure(runtime, CHECKS, 600, columns),
                    InvalidModelUploadException.class);

            assertThat(refused.reason()).isEqualTo("heldout-invalid");
            assertThat(refused.getMessage()).contains("rows 513 to 600", "lines 514 to 601", "hour_of_day");
        }
    }

    @Test
    void everyShippedGeneratorsHeldOutRowsAreExactlyTheColumnsAFileHolds() {
        for (var recipe : org.citymaas.runtime.training.control.CatalogRecipes.all()) {
            var heldOut = recipe.generate().heldOut();
            var columns = HeldOutMetrics.of(card(recipe.name())).orElseThrow().columns();

            assertThat(heldOut.columns().keySet())
                    .as(recipe.name() + " (" + heldOut.rows() + " held-out rows)")
                    .containsExactlyInAnyOrderElementsOf(
                            columns.stream().map(FieldSpec::name).toList());
            for (var c : columns) {
                var t = heldOut.column(c.name());
                assertThat(t.datatype()).as(c.name()).isEqualTo(c.datatype());
                assertThat(t.size() / t.rows()).as(c.name()).isEqualTo(c.rowWidth());
            }
        }
    }

    @Test
    void withTheRowsGroupLabelsTheFairnessReportIsTheRecipesOnTheRuntimesOutputs() {
        var card = card("traffic-flow-forecast");
        var recipe = new TrafficFlowRecipe();
        var split = recipe.generate();
        Table heldOut = split.heldOut();
        var labels =
                split.heldOutGroups().column(GroupAttributes.column("district")).strings();
        try (var runtime =
                new ModelRuntime(CATALOG, RuntimeConfig.defaults().withWorkers(1), new PersistenceEngine())) {
            var definitions = HeldOutMetrics.of(card).orElseThrow();
            assertThat(definitions.groupAttributes()).containsExactly("district");

            var measured = definitions.measure(
                    runtime, CHECKS, heldOut.rows(), heldOut.columns(), java.util.Map.of("district", labels));

            // persistence answered: the report is the trainer's evaluation of persistence forecasts on these rows
            float[] recent = heldOut.column("recent_counts").floats();
            float[] next = new float[heldOut.rows()];
            for (int i = 0; i < next.length; i++) {
                next[i] = recent[i * 24 + 23];
            }
            var expected = recipe.fairness(
                    split.heldOutWithGroups(),
                    java.util.Map.of(
                            "vehicles_next_hour",
                            Tensor.fp32("vehicles_next_hour", new long[] {next.length, 1}, next)));
            assertThat(measured.fairness()).isEqualTo(expected);
            assertThat(measured.fairness().groups())
                    .extracting(g -> g.group())
                    .containsExactly("Centre", "East", "West");
            assertThat(measured.metrics()).hasSize(1);
            assertThat(definitions
                            .measure(runtime, CHECKS, heldOut.rows(), heldOut.columns(), java.util.Map.of())
                            .fairness())
                    .as("no group labels, no report")
                    .isNull();
        }
    }

    @Test
    void groupLabelsForAnotherAttributeOrRowCountAreRefused() {
        var card = card("traffic-flow-forecast");
        var heldOut = new TrafficFlowRecipe().generate().heldOut().slice(0, 10);
        var definitions = HeldOutMetrics.of(card).orElseThrow();
        try (var runtime =
                new ModelRuntime(CATALOG, RuntimeConfig.defaults().withWorkers(1), new PersistenceEngine())) {
            assertThat(catchThrowableOfType(
                            () -> definitions.measure(
                                    runtime, CHECKS, 10, heldOut.columns(), java.util.Map.of("sex", new String[10])),
                            IllegalArgumentException.class))
                    .isNotNull();
            assertThat(catchThrowableOfType(
                            () -> definitions.measure(
                                    runtime,
                                    CHECKS,
                                    10,
                                    heldOut.columns(),
                                    java.util.Map.of("district", new String[9])),
                            IllegalArgumentException.class))
                    .isNotNull();
        }
    }
}
