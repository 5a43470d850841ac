package org.citymaas.runtime.explain.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.engine.control.TensorFlowEngine.DevicePreference;
import org.citymaas.runtime.explain.control.Tensors;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.AirQualityRecipe;
import org.citymaas.runtime.training.control.EducationScoreRecipe;
import org.citymaas.runtime.training.control.HealthRiskRecipe;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;
import org.citymaas.runtime.training.control.TrafficFlowRecipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explanations of the shipped models on the real TensorFlow engine, on rows of the recipes' held-out data. */
class ExplainerIT {

    static final ShareKey DEPARTMENT = ShareKey.of("explained");
    /** Held-out rows explained per tabular model: 2^n rows run for each. */
    static final int SAMPLE = 24;

    @TempDir
    static Path cache;

    static Catalog catalog;
    static ModelRuntime runtime;
    static Explainer explainer;

    @BeforeAll
    static void start() {
        catalog = Catalog.fromClasspath(cache);
        runtime = new ModelRuntime(
                catalog,
                RuntimeConfig.defaults()
                        .withDevice(DevicePreference.CPU)
                        .withWorkers(1)
                        .withBatching(64, Duration.ofMillis(1)));
        explainer = new Explainer(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** The schema inputs of held-out rows spread over the whole held-out set. */
    static List<Tensor> sample(ModelRecipe recipe, ModelCard card) {
        Table heldOut = recipe.generate().heldOut();
        int[] index = new int[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            index[i] = (int) ((long) i * heldOut.rows() / SAMPLE);
        }
        Table rows = heldOut.select(index);
        return card.inputs().stream()
                .map(FieldSpec::name)
                .filter(rows.columns()::containsKey)
                .map(rows::column)
                .toList();
    }

    static double explained(ModelCard card, Tensor output, int row) {
        int w = output.size() / output.rows();
        double sum = 0;
        for (int k = 0; k < w; k++) {
            sum += output.floats()[row * w + k];
        }
        return sum / w;
    }

    void checkTabular(ModelRecipe recipe) throws Exception {
        ModelRef ref = ModelRef.of(recipe.name());
        ModelCard card = catalog.resolve(ref).card();
        ExplanationSpec spec = card.explanation();
        double tolerance = spec.tolerance();
        List<Tensor> inputs = sample(recipe, card);

        Explanation e =
                explainer.explain(InferenceRequest.of(DEPARTMENT, ref, inputs)).get();
        var answer = runtime.infer(InferenceRequest.of(DEPARTMENT, ref, inputs)).output(spec.output());
        List<String> explainedInputs = card.inputs().stream()
                .filter(f -> f.sensitivity() != Sensitivity.DROP)
                .map(FieldSpec::name)
                .toList();

        assertThat(e.method()).isEqualTo("exact-shapley");
        assertThat(e.output()).isEqualTo(spec.output());
        assertThat(e.outputLabel()).isNull();
        assertThat(e.rows()).hasSize(SAMPLE);
        assertThat(e.rowsRun()).isEqualTo((long) SAMPLE << explainedInputs.size());
        assertThat(e.compute().rows())
                .as("metered: every row the explanation ran")
                .isEqualTo((int) e.rowsRun());
        assertThat(e.compute().millis()).isPositive();
        // the model's output at the baseline point, asked directly
        var baselineRow = new ArrayList<Tensor>();
        for (String name : explainedInputs) {
            FieldSpec f = card.input(name).orElseThrow();
            double[] b = spec.baseline().get(name);
            var shape = f.shape().stream().mapToLong(Long::longValue).toArray();
            shape[0] = 1;
            if (f.datatype() == DataType.INT64) {
                baselineRow.add(Tensor.int64(name, shape, Math.round(b[0])));
            } else {
                float[] v = new float[b.length];
                for (int k = 0; k < b.length; k++) {
                    v[k] = (float) b[k];
                }
                baselineRow.add(Tensor.fp32(name, shape, v));
            }
        }
        if (card.input("student_id").isPresent()) {
            baselineRow.add(Tensor.bytes("student_id", new long[] {1}, "S-0"));
        }
        double atBaseline = explained(
                card,
                runtime.infer(InferenceRequest.of(DEPARTMENT, ref, baselineRow)).output(spec.output()),
                0);
        for (int r = 0; r < SAMPLE; r++) {
            RowExplanation row = e.rows().get(r);
            String what = recipe.name() + " row " + r;
            assertThat(row.attributions())
                    .extracting(Attribution::feature)
                    .as(what)
                    .containsExactlyElementsOf(explainedInputs);
            assertThat(row.sum())
                    .as(what + ": sum = prediction - baseline")
                    .isCloseTo(row.prediction() - row.baseline(), within(tolerance));
            assertThat(row.prediction())
                    .as(what + ": prediction = infer's")
                    .isCloseTo(explained(card, answer, r), within(tolerance));
            assertThat(row.baseline())
                    .as(what + ": baseline = output at the baseline point")
                    .isCloseTo(atBaseline, within(tolerance));
        }
        // not every attribution is zero: the explanation says something
        assertThat(e.rows().stream()
                        .flatMap(r -> r.attributions().stream())
                        .mapToDouble(a -> Math.abs(a.value()))
                        .max()
                        .orElseThrow())
                .isGreaterThan(100 * tolerance);

        // dummy: each input set to its baseline value in turn gets (almost) nothing
        for (int j = 0; j < explainedInputs.size(); j++) {
            String name = explainedInputs.get(j);
            var moved = new ArrayList<Tensor>();
            for (Tensor t : inputs) {
                moved.add(
                        t.name().equals(name)
                                ? atBaselineValue(
                                        Tensors.slice(t, 0, 4), spec.baseline().get(name))
                                : Tensors.slice(t, 0, 4));
            }
            Explanation d = explainer
                    .explain(InferenceRequest.of(DEPARTMENT, ref, moved))
                    .get();
            for (RowExplanation row : d.rows()) {
                assertThat(row.attributions().get(j).value())
                        .as(recipe.name() + " " + name + " at its baseline")
                        .isCloseTo(0, within(tolerance));
                assertThat(row.sum()).isCloseTo(row.prediction() - row.baseline(), within(tolerance));
            }
        }
    }

    static Tensor atBaselineValue(Tensor t, double[] b) {
        int rows = t.rows();
        int w = b.length;
        if (t.datatype() == DataType.INT64) {
            long[] v = new long[rows * w];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.round(b[i % w]);
            }
            return Tensor.int64(t.name(), t.shape(), v);
        }
        float[] v = new float[rows * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) b[i % w];
        }
        return Tensor.fp32(t.name(), t.shape(), v);
    }

    @Test
    void trafficAttributionsAddUpAndMatchInfer() throws Exception {
        checkTabular(new TrafficFlowRecipe());
    }

    @Test
    void educationAttributionsAddUpAndMatchInfer() throws Exception {
        checkTabular(new EducationScoreRecipe());
    }

    @Test
    void airQualityAttributionsAddUpAndMatchInfer() throws Exception {
        checkTabular(new AirQualityRecipe());
    }

    @Test
    void healthRiskAttributionsAddUpAndMatchInfer() throws Exception {
        checkTabular(new HealthRiskRecipe());
    }

    @Test
    void aBusStopComplaintIsRoutedByItsBusStopWords() throws Exception {
        ModelRef ref = ModelRef.of("complaint-routing");
        String text = "公交站台的站牌倒了，候车亭玻璃碎了";
        var inputs = List.of(Tensor.bytes("text", new long[] {1}, text));
        Explanation e =
                explainer.explain(InferenceRequest.of(DEPARTMENT, ref, inputs)).get();
        var probs = runtime.infer(InferenceRequest.of(DEPARTMENT, ref, inputs)).output("department_probs");
        var labels = catalog.resolve(ref).card().outputs().get(0).labels();
        int top = 0;
        for (int k = 1; k < labels.size(); k++) {
            top = probs.floats()[k] > probs.floats()[top] ? k : top;
        }
        RowExplanation row = e.rows().get(0);

        assertThat(e.method()).isEqualTo("occlusion");
        assertThat(e.output()).isEqualTo("department_probs");
        assertThat(e.outputLabel()).isEqualTo(labels.get(top)).isEqualTo(row.label());
        assertThat(row.prediction()).isCloseTo(probs.floats()[top], within(1e-4));
        assertThat(row.attributions())
                .extracting(Attribution::feature)
                .containsExactly("公", "交", "站", "台", "的", "站", "牌", "倒", "了", "，", "候", "车", "亭", "玻", "璃", "碎", "了");
        assertThat(e.rowsRun()).isEqualTo(2 + 17);
        assertThat(e.compute().rows()).isEqualTo(2 + 17);
        var top5 = row.attributions().stream()
                .sorted(Comparator.comparingDouble(Attribution::value).reversed())
                .limit(5)
                .map(Attribution::feature)
                .toList();
        String busStop = "公交站台候车亭";
        assertThat(busStop).as("the top token of " + row.attributions()).contains(top5.get(0));
        assertThat(top5.stream().filter(busStop::contains).count())
                .as("bus-stop characters among the top 5 of " + row.attributions())
                .isGreaterThanOrEqualTo(2);
        double bus = row.attributions().stream()
                .filter(a -> busStop.contains(a.feature()))
                .mapToDouble(Attribution::value)
                .sum();
        double rest = row.attributions().stream()
                .filter(a -> !busStop.contains(a.feature()))
                .mapToDouble(Attribution::value)
                .sum();
        assertThat(bus)
                .as("the bus-stop characters' share against the other nine's")
                .isGreaterThan(rest);
        assertThat(row.label()).isEqualTo("交通运输");
    }

    @Test
    void aModelWithoutAnExplanationSectionIsRefused(@TempDir Path dir) throws Exception {
        ExplainerTest.copy(catalog.root().resolve("health-risk"), dir.resolve("health-risk"));
        Path cardFile = dir.resolve("health-risk/1/model-card.json");
        ModelCardCodec.write(ModelCardCodec.read(cardFile).withExplanation(null), cardFile);
        assertThat(Files.readString(cardFile)).doesNotContain("\"explanation\"");
        try (var plain = new ModelRuntime(
                Catalog.fromDirectory(dir),
                RuntimeConfig.defaults().withDevice(DevicePreference.CPU).withWorkers(1))) {
            var inputs = sample(
                    new HealthRiskRecipe(),
                    catalog.resolve(ModelRef.of("health-risk")).card());
            var refusing = new Explainer(plain);
            assertThatThrownBy(
                            () -> refusing.explain(InferenceRequest.of(DEPARTMENT, ModelRef.of("health-risk"), inputs)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(
                            "health-risk [explainable]: the model health-risk:1 has no explanation section on its card");
            // infer still answers
            assertThat(plain.infer(InferenceRequest.of(DEPARTMENT, ModelRef.of("health-risk"), inputs))
                            .output("diabetes_risk")
                            .rows())
                    .isEqualTo(SAMPLE);
        }
    }
}
