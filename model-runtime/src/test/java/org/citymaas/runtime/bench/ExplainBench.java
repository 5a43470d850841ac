package org.citymaas.runtime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.explain.boundary.Explainer;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;

/**
 * The explanation rows of {@link RuntimeBench}: per model, one held-out row per request, infer and explain side by
 * side at concurrency 1 and 16 (closed loop: each outstanding call resubmitted from its completion), on one
 * runtime per model with the bench's workers and batching. An explanation's rows go through the runtime's queue in
 * requests of the batch size, like the portal's.
 */
final class ExplainBench {

    private static final ShareKey DEPARTMENT = ShareKey.of("explained");

    private ExplainBench() {}

    static void run(Catalog catalog, List<String> models, RuntimeConfig config, double seconds, double warmup)
            throws Exception {
        System.out.printf(
                "%n## Explanations (1 row per call; explain runs 2^n coalition rows, or 2 + tokens for text)%n%n");
        System.out.println("| model | method | rows run per explanation | call | concurrency | calls/s | p50 ms"
                + " | p99 ms | model rows/s | CPU ms per call |");
        System.out.println("|---|---|---:|---|---:|---:|---:|---:|---:|---:|");
        for (String name : models) {
            bench(catalog, CatalogRecipes.named(name), config, seconds, warmup);
        }
    }

    private static void bench(Catalog catalog, ModelRecipe recipe, RuntimeConfig config, double seconds, double warmup)
            throws Exception {
        ModelVersion version = catalog.resolve(ModelRef.of(recipe.name()));
        Table rows = recipe.generate().heldOut().slice(0, 512);
        var names = version.card().inputs().stream()
                .map(FieldSpec::name)
                .filter(rows.columns()::containsKey)
                .toList();
        try (var runtime = new ModelRuntime(catalog, config)) {
            // the held-out rows the schema takes (the simulated health data has a few beyond the card's ranges)
            var prepared = new ArrayList<List<Tensor>>();
            for (int i = 0; prepared.size() < 256; i++) {
                var inputs = rows.slice(i, i + 1).columns(names);
                try {
                    runtime.validate(InferenceRequest.of(DEPARTMENT, version.ref(), inputs));
                    prepared.add(inputs);
                } catch (InvalidInputException e) {
                    // skipped
                }
            }
            IntFunction<InferenceRequest> request =
                    i -> InferenceRequest.of(DEPARTMENT, version.ref(), prepared.get(i & 255));
            runtime.load(version.ref());
            var explainer = new Explainer(runtime);
            long perExplanation = 0;
            for (int i = 0; i < 256; i++) {
                perExplanation += explainer.rowsToRun(runtime.validate(request.apply(i)));
            }
            double rowsPerExplanation = perExplanation / 256.0;
            String method = version.card().explanation().method();
            for (int c : new int[] {1, 16}) {
                var infer = closedLoop(i -> runtime.submit(request.apply(i)), c, seconds, warmup);
                print(recipe.name(), method, rowsPerExplanation, "infer", c, infer, 1);
                var explain = closedLoop(i -> explainer.explain(request.apply(i)), c, seconds, warmup);
                print(recipe.name(), method, rowsPerExplanation, "explain", c, explain, rowsPerExplanation);
            }
        }
    }

    private static void print(
            String model, String method, double rowsRun, String call, int c, Result r, double rowsPerCall) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.1f | %s | %d | %,.0f | %.3f | %.3f | %,.0f | %.3f |%n",
                model,
                method,
                rowsRun,
                call,
                c,
                r.callsPerSecond(),
                r.latencies().percentile(50),
                r.latencies().percentile(99),
                r.callsPerSecond() * rowsPerCall,
                r.cpuMillisPerCall());
    }

    private record Result(double callsPerSecond, RuntimeBench.Latencies latencies, double cpuMillisPerCall) {}

    /** {@code c} calls always outstanding, each resubmitted from its completion. */
    private static Result closedLoop(IntFunction<CompletableFuture<?>> call, int c, double seconds, double warmup)
            throws Exception {
        var stop = new AtomicBoolean();
        var measuring = new AtomicBoolean();
        var lat = new RuntimeBench.Latencies();
        var done = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < c; i++) {
            var finished = new CompletableFuture<Void>();
            done.add(finished);
            next(call, i, stop, measuring, lat, finished);
        }
        Thread.sleep((long) (warmup * 1000));
        measuring.set(true);
        long cpu0 = RuntimeBench.processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = RuntimeBench.processCpuNanos() - cpu0;
        stop.set(true);
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        long calls = lat.count();
        return new Result(calls / elapsed, lat, cpu / 1e6 / Math.max(1, calls));
    }

    private static void next(
            IntFunction<CompletableFuture<?>> call,
            int i,
            AtomicBoolean stop,
            AtomicBoolean measuring,
            RuntimeBench.Latencies lat,
            CompletableFuture<Void> finished) {
        if (stop.get()) {
            finished.complete(null);
            return;
        }
        long t0 = System.nanoTime();
        call.apply(i).whenComplete((r, e) -> {
            if (e != null) {
                finished.completeExceptionally(e);
                return;
            }
            if (measuring.get()) {
                lat.add(System.nanoTime() - t0);
            }
            next(call, i + 1, stop, measuring, lat, finished);
        });
    }

    static RuntimeConfig config(int workers, int maxBatch) {
        return RuntimeConfig.defaults()
                .withDevice(TensorFlowEngine.DevicePreference.CPU)
                .withWorkers(workers)
                .withBatching(maxBatch, Duration.ofMillis(1))
                .withQueueCapacity(10_000);
    }
}
