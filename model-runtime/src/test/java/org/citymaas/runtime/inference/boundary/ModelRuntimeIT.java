package org.citymaas.runtime.inference.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.RuntimeClosedException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.engine.control.TensorFlowEngine.DevicePreference;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.scheduler.entity.ModelState;
import org.citymaas.runtime.scheduler.entity.QueueDepth;
import org.citymaas.runtime.training.control.AirQualityRecipe;
import org.citymaas.runtime.training.control.ComplaintRoutingRecipe;
import org.citymaas.runtime.training.control.EducationScoreRecipe;
import org.citymaas.runtime.training.control.HealthRiskRecipe;
import org.citymaas.runtime.training.control.TrafficFlowRecipe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime on the real TensorFlow engine with the shipped catalog models. */
class ModelRuntimeIT {

    static final ShareKey TRANSPORT = ShareKey.of("transport");
    static final ShareKey HEALTH = ShareKey.of("health");
    static final ModelRef TRAFFIC = ModelRef.of(TrafficFlowRecipe.NAME);
    static final ModelRef EDUCATION = ModelRef.of(EducationScoreRecipe.NAME);
    static final ModelRef RISK = ModelRef.of(HealthRiskRecipe.NAME);
    static final ModelRef AIR = ModelRef.of(AirQualityRecipe.NAME);
    static final ModelRef COMPLAINTS = ModelRef.of(ComplaintRoutingRecipe.NAME);

    @TempDir
    static Path cache;

    static Catalog catalog;
    static Samples traffic;
    static Samples education;
    static Samples risk;
    static Samples air;

    @BeforeAll
    static void catalog() {
        catalog = Catalog.fromClasspath(cache);
        traffic = Samples.of(new TrafficFlowRecipe(), catalog.resolve(TRAFFIC).card(), 64);
        education = Samples.of(
                new EducationScoreRecipe(), catalog.resolve(EDUCATION).card(), 8);
        risk = Samples.of(new HealthRiskRecipe(), catalog.resolve(RISK).card(), 8);
        air = Samples.of(new AirQualityRecipe(), catalog.resolve(AIR).card(), 8);
    }

    static RuntimeConfig config() {
        return RuntimeConfig.defaults()
                .withDevice(DevicePreference.CPU)
                .withWorkers(1)
                .withBatching(64, Duration.ofMillis(1));
    }

    static InferenceRequest request(ShareKey tenant, ModelRef model, List<Tensor> inputs) {
        return InferenceRequest.of(tenant, model, inputs);
    }

    @Test
    void answersEveryCatalogModelWithItsVersionAndCompute() {
        try (var runtime = new ModelRuntime(catalog, config())) {
            InferenceResult flow = runtime.infer(request(TRANSPORT, TRAFFIC, traffic.inputs(0, 3)));
            assertThat(flow.model()).isEqualTo(ModelRef.of(TrafficFlowRecipe.NAME, "1"));
            assertThat(flow.output("vehicles_next_hour").shape()).containsExactly(3, 1);
            assertThat(values(flow.output("vehicles_next_hour").floats())).allMatch(v -> v > 0 && v < 5000);
            assertThat(flow.compute().device()).isEqualTo("cpu()");
            assertThat(flow.compute().rows()).isEqualTo(3);
            assertThat(flow.compute().millis()).isPositive();

            assertThat(values(runtime.infer(request(ShareKey.of("education"), EDUCATION, education.inputs(0, 2)))
                            .output("final_score")
                            .floats()))
                    .allMatch(v -> v > 20 && v < 110);
            assertThat(values(runtime.infer(request(HEALTH, RISK, risk.inputs(0, 4)))
                            .output("diabetes_risk")
                            .floats()))
                    .allMatch(p -> p >= 0 && p <= 1);
            assertThat(runtime.infer(request(ShareKey.of("environment"), AIR, air.inputs(0, 1)))
                            .output("pm25_next_6h")
                            .shape())
                    .containsExactly(1, 6);

            var complaint = runtime.infer(request(
                    ShareKey.of("hotline"),
                    COMPLAINTS,
                    List.of(Tensor.bytes("text", new long[] {2}, "你好，我们小区停水三天了还没恢复，希望尽快处理。", "工地夜间施工噪音很大，吵得睡不着"))));
            var labels = catalog.resolve(COMPLAINTS).card().outputs().get(0).labels();
            float[] probs = complaint.output("department_probs").floats();
            assertThat(labels.get(argmax(probs, 0, labels.size()))).isEqualTo("水务");
            assertThat(labels.get(argmax(probs, labels.size(), labels.size()))).isEqualTo("生态环境");

            assertThat(runtime.metrics().completed()).isEqualTo(5);
            assertThat(runtime.metrics().latencyMillis()).containsKey("traffic-flow-forecast:1");
        }
    }

    static List<Float> values(float[] v) {
        var list = new ArrayList<Float>(v.length);
        for (float f : v) {
            list.add(f);
        }
        return list;
    }

    static int argmax(float[] v, int from, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[from + i] > v[from + best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void batchesQueuedRequestsAndAnswersEachWithItsOwnRows() throws Exception {
        var fourRowsForTraffic = config().withBatching(64, Duration.ofMillis(1)).withMaxBatchRows(TRAFFIC.name(), 4);
        try (var runtime = new ModelRuntime(catalog, fourRowsForTraffic)) {
            var alone = new ArrayList<Float>();
            for (int i = 0; i < 10; i++) {
                alone.add(runtime.infer(request(TRANSPORT, TRAFFIC, traffic.row(i)))
                        .output("vehicles_next_hour")
                        .floats()[0]);
            }
            long batchesBefore = runtime.metrics().batchRows().count();
            runtime.pause();
            var futures = new ArrayList<CompletableFuture<InferenceResult>>();
            for (int i = 0; i < 10; i++) {
                futures.add(runtime.submit(request(i % 2 == 0 ? TRANSPORT : HEALTH, TRAFFIC, traffic.row(i))));
            }
            runtime.resume();
            var batchRows = new ArrayList<Integer>();
            for (int i = 0; i < 10; i++) {
                InferenceResult r = futures.get(i).get(30, TimeUnit.SECONDS);
                assertThat(r.output("vehicles_next_hour").floats()[0])
                        .isCloseTo(alone.get(i), org.assertj.core.api.Assertions.within(1e-3f));
                assertThat(r.compute().rows()).isEqualTo(1);
                batchRows.add(r.compute().batchRows());
            }
            assertThat(batchRows).containsExactly(4, 4, 4, 4, 4, 4, 4, 4, 2, 2);
            assertThat(runtime.metrics().batchRows().count() - batchesBefore).isEqualTo(3);
        }
    }

    @Test
    void apportionsBatchTimeToRequestsByRows() throws Exception {
        try (var runtime = new ModelRuntime(catalog, config())) {
            runtime.load(TRAFFIC);
            runtime.pause();
            var small = runtime.submit(request(TRANSPORT, TRAFFIC, traffic.inputs(0, 1)));
            var large = runtime.submit(request(HEALTH, TRAFFIC, traffic.inputs(1, 3)));
            runtime.resume();
            var a = small.get(30, TimeUnit.SECONDS).compute();
            var b = large.get(30, TimeUnit.SECONDS).compute();
            assertThat(a.batchRows()).isEqualTo(4);
            assertThat(b.millis()).isCloseTo(3 * a.millis(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void servesATrickleTenantBetweenAFloodingTenantsRequests() throws Exception {
        try (var runtime = new ModelRuntime(catalog, config().withBatching(1, Duration.ZERO))) {
            runtime.load(TRAFFIC);
            runtime.pause();
            var order = Collections.synchronizedList(new ArrayList<ShareKey>());
            var futures = new ArrayList<CompletableFuture<?>>();
            for (int i = 0; i < 12; i++) {
                futures.add(runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(i)))
                        .thenRun(() -> order.add(TRANSPORT)));
            }
            for (int i = 0; i < 4; i++) {
                futures.add(
                        runtime.submit(request(HEALTH, TRAFFIC, traffic.row(i))).thenRun(() -> order.add(HEALTH)));
            }
            assertThat(runtime.metrics().queues())
                    .extracting(QueueDepth::tenant, QueueDepth::requests)
                    .containsExactlyInAnyOrder(tuple(TRANSPORT, 12), tuple(HEALTH, 4));
            runtime.resume();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(order.subList(0, 8))
                    .containsExactly(TRANSPORT, HEALTH, TRANSPORT, HEALTH, TRANSPORT, HEALTH, TRANSPORT, HEALTH);
        }
    }

    @Test
    void givesAHeavierTenantItsWeightedShare() throws Exception {
        var weighted = config().withBatching(1, Duration.ZERO).withTenantWeights(Map.of(TRANSPORT, 3.0));
        try (var runtime = new ModelRuntime(catalog, weighted)) {
            runtime.load(TRAFFIC);
            runtime.pause();
            var order = Collections.synchronizedList(new ArrayList<ShareKey>());
            var futures = new ArrayList<CompletableFuture<?>>();
            for (int i = 0; i < 12; i++) {
                futures.add(runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(i)))
                        .thenRun(() -> order.add(TRANSPORT)));
                futures.add(
                        runtime.submit(request(HEALTH, TRAFFIC, traffic.row(i))).thenRun(() -> order.add(HEALTH)));
            }
            runtime.resume();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(order.subList(0, 16).stream().filter(TRANSPORT::equals)).hasSize(12);
        }
    }

    @Test
    void rejectsAtOnceWhenATenantsQueueIsFull() throws Exception {
        try (var runtime = new ModelRuntime(catalog, config().withQueueCapacity(3))) {
            runtime.pause();
            var accepted = new ArrayList<CompletableFuture<InferenceResult>>();
            for (int i = 0; i < 3; i++) {
                accepted.add(runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(i))));
            }
            assertThatThrownBy(() -> runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(3))))
                    .isInstanceOf(QueueFullException.class)
                    .hasMessageContaining("transport")
                    .satisfies(
                            e -> assertThat(((QueueFullException) e).capacity()).isEqualTo(3));
            accepted.add(runtime.submit(request(HEALTH, TRAFFIC, traffic.row(3))));
            assertThat(runtime.metrics().rejected()).isEqualTo(1);
            runtime.resume();
            for (var f : accepted) {
                assertThat(f.get(30, TimeUnit.SECONDS)
                                .output("vehicles_next_hour")
                                .rows())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void doesNotRunARequestWhoseDeadlinePassedInTheQueue() throws Exception {
        try (var runtime = new ModelRuntime(catalog, config())) {
            runtime.load(TRAFFIC);
            runtime.pause();
            var late =
                    runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(0)).withTimeout(Duration.ofMillis(20)));
            var onTime =
                    runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(1)).withTimeout(Duration.ofMinutes(1)));
            Thread.sleep(100);
            runtime.resume();
            assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DeadlineExceededException.class);
            assertThat(onTime.get(30, TimeUnit.SECONDS).compute().batchRows()).isEqualTo(1);
            assertThat(runtime.metrics().expired()).isEqualTo(1);
            assertThat(runtime.metrics().completed()).isEqualTo(1);
        }
    }

    @Test
    void unloadsTheLeastRecentlyUsedModelToStayWithinASmallMemoryBudget() {
        long budget = catalog.resolve(TRAFFIC).sizeBytes()
                + catalog.resolve(EDUCATION).sizeBytes();
        try (var runtime = new ModelRuntime(catalog, config().withMemoryBudget(budget))) {
            assertThat(runtime.state(TRAFFIC)).isEqualTo(ModelState.NOT_LOADED);
            runtime.load(TRAFFIC);
            runtime.load(EDUCATION);
            assertThat(runtime.ready(TRAFFIC)).isTrue();
            assertThat(runtime.ready(EDUCATION)).isTrue();

            runtime.load(RISK);
            assertThat(runtime.state(TRAFFIC)).isEqualTo(ModelState.NOT_LOADED);
            assertThat(runtime.ready(EDUCATION)).isTrue();
            assertThat(runtime.ready(RISK)).isTrue();

            // used again: loads on first use and pushes out education, now the least recently used
            runtime.infer(request(TRANSPORT, TRAFFIC, traffic.row(0)));
            assertThat(runtime.ready(TRAFFIC)).isTrue();
            assertThat(runtime.state(EDUCATION)).isEqualTo(ModelState.NOT_LOADED);
            assertThat(runtime.metrics().memoryUsedBytes()).isLessThanOrEqualTo(budget);

            runtime.unload(RISK);
            assertThat(runtime.state(RISK)).isEqualTo(ModelState.NOT_LOADED);
            assertThat(runtime.metrics().models())
                    .extracting(s -> s.model().name())
                    .containsExactly(TRAFFIC.name());
        }
    }

    @Test
    void rejectsInvalidInputBeforeQueueingWithTheFieldAndTheRule() {
        try (var runtime = new ModelRuntime(catalog, config())) {
            var inputs = new ArrayList<>(traffic.row(0));
            inputs.set(1, Tensor.int64("hour_of_day", new long[] {1, 1}, 24));
            inputs.remove(4);
            assertThatThrownBy(() -> runtime.submit(request(TRANSPORT, TRAFFIC, inputs)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("hour_of_day")
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                            .extracting(FieldViolation::field, FieldViolation::rule)
                            .containsExactlyInAnyOrder(
                                    tuple("hour_of_day", "maximum"), tuple("precipitation_mm", "required")));
            assertThat(runtime.metrics().queuedRequests()).isZero();
            assertThat(runtime.state(TRAFFIC)).isEqualTo(ModelState.NOT_LOADED);
        }
    }

    @Test
    void neverPassesTheStudentIdToTheModel() {
        try (var runtime = new ModelRuntime(catalog, config())) {
            var withId = new ArrayList<>(education.row(0));
            withId.removeIf(t -> t.name().equals("student_id"));
            float without = runtime.infer(request(ShareKey.of("education"), EDUCATION, withId))
                    .output("final_score")
                    .floats()[0];
            withId.add(Tensor.bytes("student_id", new long[] {1}, "S2025999999"));
            float with = runtime.infer(request(ShareKey.of("education"), EDUCATION, withId))
                    .output("final_score")
                    .floats()[0];
            assertThat(with).isEqualTo(without);
        }
    }

    @Test
    void finishesQueuedWorkOnShutdownAndRefusesNewWork() throws Exception {
        var runtime = new ModelRuntime(catalog, config());
        runtime.load(TRAFFIC);
        runtime.pause();
        var futures = new ArrayList<CompletableFuture<InferenceResult>>();
        for (int i = 0; i < 5; i++) {
            futures.add(runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(i))));
        }
        runtime.shutdown(Duration.ofSeconds(20));
        for (var f : futures) {
            assertThat(f.get(1, TimeUnit.SECONDS).output("vehicles_next_hour").rows())
                    .isEqualTo(1);
        }
        assertThatThrownBy(() -> runtime.submit(request(TRANSPORT, TRAFFIC, traffic.row(0))))
                .isInstanceOf(RuntimeClosedException.class);
        assertThat(runtime.metrics().models()).isEmpty();
    }
}
