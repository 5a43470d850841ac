package org.citymaas.runtime.explain.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explainer on the real runtime (queue, batching, validation) with the shipped cards and a fake engine whose
 * models are functions with Shapley values known in closed form.
 */
class ExplainerTest {

    private static final Path SHIPPED = Path.of("src/main/resources/catalog");
    private static final ShareKey HEALTH = ShareKey.of("health");
    private static final double[] WEIGHTS = {0.01, 0.002, -0.003, 0.0, 0.0005, 0.02, 0.3, 0.004};

    /** Runs every model as a function of its named inputs; remembers the rows of every batch. */
    private static final class FunctionEngine implements InferenceEngine {
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String device() {
            return "cpu()";
        }

        @Override
        public LoadedModel load(ModelVersion version) {
            Function<List<Tensor>, List<Tensor>> f = switch (version.card().name()) {
                case "health-risk" -> ExplainerTest::linear;
                case "education-score-predict" -> ExplainerTest::product;
                case "air-quality-forecast" -> ExplainerTest::sixHours;
                default -> throw new IllegalArgumentException(version.card().name());
            };
            return new LoadedModel() {
                @Override
                public BatchRunner newRunner() {
                    return new BatchRunner() {
                        @Override
                        public List<Tensor> run(List<Tensor> inputs) {
                            batches.add(inputs.get(0).rows());
                            return f.apply(inputs);
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

    /** diabetes_risk = 0.1 + sum w_i x_i over the 8 inputs in the card's order. */
    static List<Tensor> linear(List<Tensor> inputs) {
        int n = inputs.get(0).rows();
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            double sum = 0.1;
            for (int i = 0; i < WEIGHTS.length; i++) {
                sum += WEIGHTS[i] * inputs.get(i).floats()[r];
            }
            y[r] = (float) sum;
        }
        return List.of(Tensor.fp32("diabetes_risk", new long[] {n, 1}, y));
    }

    /** final_score = attendance_rate * midterm_score. */
    static List<Tensor> product(List<Tensor> inputs) {
        int n = inputs.get(0).rows();
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            y[r] = column(inputs, "attendance_rate")[r] * column(inputs, "midterm_score")[r];
        }
        return List.of(Tensor.fp32("final_score", new long[] {n, 1}, y));
    }

    /** pm25_next_6h hour k = (k + 1) * temperature_c: the 6 hours' mean is 3.5 * temperature_c. */
    static List<Tensor> sixHours(List<Tensor> inputs) {
        int n = inputs.get(0).rows();
        float[] y = new float[n * 6];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < 6; k++) {
                y[r * 6 + k] = (k + 1) * column(inputs, "temperature_c")[r];
            }
        }
        return List.of(Tensor.fp32("pm25_next_6h", new long[] {n, 6}, y));
    }

    static float[] column(List<Tensor> inputs, String name) {
        return inputs.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .floats();
    }

    static ModelRuntime runtime(Catalog catalog, FunctionEngine engine) {
        return new ModelRuntime(
                catalog, RuntimeConfig.defaults().withWorkers(1).withBatching(64, Duration.ofMillis(1)), engine);
    }

    static Tensor one(String name, float value) {
        return Tensor.fp32(name, new long[] {1, 1}, value);
    }

    static List<Tensor> health(float... values) {
        String[] names = {
            "pregnancies", "glucose", "blood_pressure", "skin_thickness", "insulin", "bmi", "diabetes_pedigree", "age"
        };
        var inputs = new ArrayList<Tensor>();
        int rows = values.length / names.length;
        for (int i = 0; i < names.length; i++) {
            float[] column = new float[rows];
            for (int r = 0; r < rows; r++) {
                column[r] = values[r * names.length + i];
            }
            inputs.add(Tensor.fp32(names[i], new long[] {rows, 1}, column));
        }
        return inputs;
    }

    @Test
    void aLinearModelsAttributionsAreWeightTimesDistanceFromTheCardsBaseline() throws Exception {
        var catalog = Catalog.fromDirectory(SHIPPED);
        var engine = new FunctionEngine();
        ModelCard card = catalog.resolve(ModelRef.of("health-risk")).card();
        try (var runtime = runtime(catalog, engine)) {
            var explainer = new Explainer(runtime);
            float[] x = {2, 150, 70, 30, 120, 33.5f, 0.6f, 45, 0, 90, 60, 20, 80, 22, 0.2f, 25};
            Explanation e = explainer
                    .explain(InferenceRequest.of(HEALTH, ModelRef.of("health-risk"), health(x)))
                    .get();

            assertThat(e.model()).isEqualTo(ModelRef.of("health-risk", "1"));
            assertThat(e.method()).isEqualTo("exact-shapley");
            assertThat(e.output()).isEqualTo("diabetes_risk");
            assertThat(e.rowsRun()).isEqualTo(2 * 256);
            assertThat(e.rows()).hasSize(2);
            double tolerance = card.explanation().tolerance();
            for (int r = 0; r < 2; r++) {
                RowExplanation row = e.rows().get(r);
                assertThat(row.attributions())
                        .extracting(Attribution::feature)
                        .containsExactly(
                                card.inputs().stream().map(f -> f.name()).toArray(String[]::new));
                double expectedBaseline = 0.1;
                for (int i = 0; i < 8; i++) {
                    double b = card.explanation()
                            .baseline()
                            .get(card.inputs().get(i).name())[0];
                    expectedBaseline += WEIGHTS[i] * b;
                    assertThat(row.attributions().get(i).value())
                            .as("row " + r + " input " + i)
                            .isCloseTo(WEIGHTS[i] * (x[r * 8 + i] - b), within(1e-4));
                }
                assertThat(row.baseline()).isCloseTo(expectedBaseline, within(1e-4));
                assertThat(row.sum()).isCloseTo(row.prediction() - row.baseline(), within(tolerance));
                assertThat(row.label()).isNull();
            }
            // the rows went through the runtime's queue in batches of at most 64
            assertThat(engine.batches).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(64));
            assertThat(engine.batches.stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(512);
            assertThat(explainer.rowsToRun(
                            runtime.validate(InferenceRequest.of(HEALTH, ModelRef.of("health-risk"), health(x)))))
                    .isEqualTo(512);
        }
    }

    @Test
    void aProductOfTwoInputsIsSharedByTheClosedFormAndTheOthersGetNothing() throws Exception {
        var catalog = Catalog.fromDirectory(SHIPPED);
        ModelCard card = catalog.resolve(ModelRef.of("education-score-predict")).card();
        var b = card.explanation().baseline();
        try (var runtime = runtime(catalog, new FunctionEngine())) {
            float a = 0.95f;
            float m = 88f;
            var inputs = List.of(
                    Tensor.bytes("student_id", new long[] {1}, "S-0001"),
                    one("attendance_rate", a),
                    one("homework_completion", 0.5f),
                    one("previous_term_score", 60f),
                    one("midterm_score", m),
                    one("weekly_study_hours", 12f));
            RowExplanation row = new Explainer(runtime)
                    .explain(InferenceRequest.of(HEALTH, ModelRef.of("education-score-predict"), inputs))
                    .get()
                    .rows()
                    .get(0);
            double ba = b.get("attendance_rate")[0];
            double bm = b.get("midterm_score")[0];
            // f = x1 x2: phi_1 = (x1 - b1)(x2 + b2) / 2, phi_2 = (x2 - b2)(x1 + b1) / 2
            assertThat(row.attributions())
                    .extracting(Attribution::feature)
                    .containsExactly(
                            "attendance_rate",
                            "homework_completion",
                            "previous_term_score",
                            "midterm_score",
                            "weekly_study_hours");
            assertThat(row.attributions().get(0).value()).isCloseTo((a - ba) * (m + bm) / 2, within(1e-3));
            assertThat(row.attributions().get(3).value()).isCloseTo((m - bm) * (a + ba) / 2, within(1e-3));
            for (int i : new int[] {1, 2, 4}) {
                assertThat(row.attributions().get(i).value()).isCloseTo(0, within(1e-9));
            }
            assertThat(row.prediction()).isCloseTo(a * m, within(1e-3));
            assertThat(row.baseline()).isCloseTo(ba * bm, within(1e-3));
        }
    }

    @Test
    void aSixHourForecastIsExplainedByTheMeanOfItsHours() throws Exception {
        var catalog = Catalog.fromDirectory(SHIPPED);
        ModelCard card = catalog.resolve(ModelRef.of("air-quality-forecast")).card();
        try (var runtime = runtime(catalog, new FunctionEngine())) {
            float[] last24 = new float[24];
            java.util.Arrays.fill(last24, 40f);
            var inputs = List.of(
                    Tensor.fp32("pm25_last_24h", new long[] {1, 24}, last24),
                    one("temperature_c", 2f),
                    one("relative_humidity_pct", 50f),
                    one("wind_speed_ms", 1f),
                    one("wind_direction_deg", 180f),
                    one("precipitation_mm", 0f),
                    Tensor.int64("hour_of_day", new long[] {1, 1}, 8));
            Explanation e = new Explainer(runtime)
                    .explain(InferenceRequest.of(HEALTH, ModelRef.of("air-quality-forecast"), inputs))
                    .get();
            RowExplanation row = e.rows().get(0);
            double bt = card.explanation().baseline().get("temperature_c")[0];
            assertThat(e.rowsRun()).isEqualTo(128);
            assertThat(row.attributions()).hasSize(7);
            assertThat(row.attributions().get(1).feature()).isEqualTo("temperature_c");
            assertThat(row.attributions().get(1).value()).isCloseTo(3.5 * (2 - bt), within(1e-3));
            assertThat(row.prediction()).isCloseTo(3.5 * 2, within(1e-4));
            assertThat(row.sum())
                    .isCloseTo(
                            row.prediction() - row.baseline(),
                            within(card.explanation().tolerance()));
        }
    }

    @Test
    void aLongExplanationQueuesAtMost16PartsAtATimeAndKeepsTheRowsInOrder() throws Exception {
        var catalog = Catalog.fromDirectory(SHIPPED);
        var engine = new FunctionEngine();
        ModelCard card = catalog.resolve(ModelRef.of("health-risk")).card();
        // 20 rows: 5,120 coalition rows, 80 parts of 64, on a queue that holds 20 requests of a department
        var config = RuntimeConfig.defaults()
                .withWorkers(1)
                .withBatching(64, Duration.ofMillis(1))
                .withQueueCapacity(20);
        try (var runtime = new ModelRuntime(catalog, config, engine)) {
            float[] x = new float[20 * 8];
            for (int r = 0; r < 20; r++) {
                float[] row = {r % 5, 90 + 5 * r, 60 + r, 20, 80 + 3 * r, 22 + r * 0.5f, 0.1f + r * 0.05f, 25 + 2 * r};
                System.arraycopy(row, 0, x, r * 8, 8);
            }
            Explanation e = new Explainer(runtime)
                    .explain(InferenceRequest.of(HEALTH, ModelRef.of("health-risk"), health(x)))
                    .get();
            assertThat(e.rowsRun()).isEqualTo(20 * 256);
            assertThat(engine.batches.stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(20 * 256);
            for (int r = 0; r < 20; r++) {
                for (int i = 0; i < 8; i++) {
                    double b = card.explanation()
                            .baseline()
                            .get(card.inputs().get(i).name())[0];
                    assertThat(e.rows().get(r).attributions().get(i).value())
                            .as("row " + r + " input " + i)
                            .isCloseTo(WEIGHTS[i] * (x[r * 8 + i] - b), within(1e-3));
                }
            }
        }
    }

    @Test
    void aModelWithoutAnExplanationSectionIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        copy(SHIPPED.resolve("health-risk"), dir.resolve("health-risk"));
        Path cardFile = dir.resolve("health-risk/1/model-card.json");
        ModelCardCodec.write(ModelCardCodec.read(cardFile).withExplanation(null), cardFile);
        var catalog = Catalog.fromDirectory(dir);
        var engine = new FunctionEngine();
        try (var runtime = runtime(catalog, engine)) {
            var explainer = new Explainer(runtime);
            var version = catalog.resolve(ModelRef.of("health-risk"));
            assertThat(explainer.explains(version)).isFalse();
            assertThat(new Explainer(runtime)
                            .explains(Catalog.fromDirectory(SHIPPED).resolve(ModelRef.of("health-risk"))))
                    .isTrue();
            assertThatThrownBy(() -> explainer.explain(InferenceRequest.of(
                            HEALTH, ModelRef.of("health-risk"), health(2, 150, 70, 30, 120, 33.5f, 0.6f, 45))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("health-risk:1 has no explanation section on its card")
                    .satisfies(t -> assertThat(((InvalidInputException) t).violations())
                            .extracting(v -> v.rule())
                            .containsExactly("explainable"));
            assertThat(engine.batches).isEmpty();
        }
    }

    @Test
    void invalidInputsAreRefusedAsInferWouldRefuseThem() {
        var catalog = Catalog.fromDirectory(SHIPPED);
        try (var runtime = runtime(catalog, new FunctionEngine())) {
            assertThatThrownBy(() -> new Explainer(runtime)
                            .explain(InferenceRequest.of(
                                    HEALTH, ModelRef.of("health-risk"), health(2, -150, 70, 30, 120, 33.5f, 0.6f, 45))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("glucose");
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
