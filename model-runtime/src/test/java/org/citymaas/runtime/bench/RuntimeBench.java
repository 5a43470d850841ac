package org.citymaas.runtime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.control.ModelInputs;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.scheduler.control.BatchAssembler;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;

/**
 * {@code RuntimeBench <catalog dir>}: per model, the raw engine (the runtime's engine call, then a DJL Predictor
 * in the same run: one thread, batch 1, 8, 64; and two threads with a runner each, batch 64), the runtime at concurrency 1, 4, 16, 64
 * (asynchronous closed loop: each of the N outstanding requests is resubmitted from its completion), and a
 * flood/trickle fairness run (a trickle tenant submits one request every millisecond, open loop, alone and
 * while a flood tenant keeps 256 requests outstanding; both timed from submit to the completion of the
 * future, on the completing thread). {@code bench.maxBatch.<model>} sets a per-model batch size. System properties:
 * {@code bench.seconds} (measured seconds per cell, default 3), {@code bench.warmup} (default 1),
 * {@code bench.models} (default traffic-flow-forecast,complaint-routing), {@code bench.workers},
 * {@code bench.maxBatch} (default 64), {@code bench.explain} (the models whose explanations {@link ExplainBench} times
 * next to infer, default all five; empty: none).
 */
public final class RuntimeBench {

    private static final ShareKey FLOOD = ShareKey.of("transport");
    private static final ShareKey TRICKLE = ShareKey.of("health");
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "3"));
    private static final double WARMUP = Double.parseDouble(System.getProperty("bench.warmup", "1"));
    private static final int MAX_BATCH = Integer.getInteger("bench.maxBatch", 64);
    private static final int WORKERS =
            Integer.getInteger("bench.workers", Runtime.getRuntime().availableProcessors());

    /** What the runtime's workers call: {@code session} (what the runtime uses) or {@code predictor} (DJL's). */
    private static final String RUNTIME_ENGINE = System.getProperty("bench.engine", "session");

    private RuntimeBench() {}

    private static InferenceEngine runtimeEngine(TensorFlowEngine engine) {
        if (RUNTIME_ENGINE.equals("session")) {
            return engine;
        }
        if (!RUNTIME_ENGINE.equals("predictor")) {
            throw new IllegalArgumentException("bench.engine is session or predictor, not " + RUNTIME_ENGINE);
        }
        return new InferenceEngine() {
            @Override
            public String device() {
                return engine.device();
            }

            @Override
            public LoadedModel load(ModelVersion version) {
                return engine.loadPredictor(version);
            }
        };
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources/catalog");
        var catalog = Catalog.fromDirectory(root);
        var models = List.of(System.getProperty("bench.models", "traffic-flow-forecast,complaint-routing")
                .split(","));
        System.out.printf(
                Locale.ROOT,
                "RuntimeBench: TensorFlow %s, %d cores, %d workers, batches up to %d rows, JDK %s (%s), load"
                        + " average %.2f, %.0f s per cell%n",
                TensorFlowEngine.version(),
                Runtime.getRuntime().availableProcessors(),
                WORKERS,
                MAX_BATCH,
                System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(", ")),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                SECONDS);
        for (String name : models) {
            if (!name.isBlank()) {
                bench(catalog, CatalogRecipes.named(name));
            }
        }
        var explained = List.of(System.getProperty("bench.explain", String.join(",", EXPLAINED))
                        .split(","))
                .stream()
                .filter(m -> !m.isBlank())
                .toList();
        if (!explained.isEmpty()) {
            ExplainBench.run(catalog, explained, ExplainBench.config(WORKERS, MAX_BATCH), SECONDS, WARMUP);
        }
    }

    /** The models whose explanations {@code bench.explain} times by default: all five. */
    private static final List<String> EXPLAINED = List.of(
            "traffic-flow-forecast",
            "education-score-predict",
            "air-quality-forecast",
            "complaint-routing",
            "health-risk");

    private static void bench(Catalog catalog, ModelRecipe recipe) throws Exception {
        ModelVersion version = catalog.resolve(ModelRef.of(recipe.name()));
        Table rows = recipe.generate().heldOut().slice(0, 512);
        var names = version.card().inputs().stream()
                .map(FieldSpec::name)
                .filter(rows.columns()::containsKey)
                .toList();
        var prepared = new ArrayList<List<Tensor>>();
        for (int i = 0; i < 512; i++) {
            prepared.add(rows.slice(i, i + 1).columns(names));
        }
        IntFunction<List<Tensor>> row = i -> prepared.get(i & 511);
        System.out.printf(
                "%n## %s (version %s)%n%n", recipe.name(), version.card().version());

        var prepare = new ModelInputs(version.card());
        var engine = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU);
        Raw session;
        Raw predictor;
        // the runtime's own engine call first; DJL's Predictor (the call before it) in the same run for reference
        try (LoadedModel model = engine.load(version)) {
            session = raw("the runtime's engine call (TensorFlow session)", "a runner", model, prepare, prepared);
        }
        System.out.println();
        try (LoadedModel model = engine.loadPredictor(version)) {
            predictor = raw("DJL Predictor", "a Predictor", model, prepare, prepared);
        }
        double rawBest = Math.max(
                Math.max(Math.max(session.oneThreadBest(), session.twoThreads()), session.twoThreads32()),
                Math.max(Math.max(predictor.oneThreadBest(), predictor.twoThreads()), predictor.twoThreads32()));
        double rawP50 = session.batch1P50();

        RuntimeConfig config = RuntimeConfig.defaults()
                .withDevice(TensorFlowEngine.DevicePreference.CPU)
                .withWorkers(WORKERS)
                .withBatching(MAX_BATCH, Duration.ofMillis(1))
                .withQueueCapacity(10_000);
        Integer modelMaxBatch = Integer.getInteger("bench.maxBatch." + recipe.name());
        if (modelMaxBatch != null) {
            config = config.withMaxBatchRows(recipe.name(), modelMaxBatch);
        }
        System.out.println();
        System.out.println("| runtime (" + RUNTIME_ENGINE + "), 1 row per request | rows/s | p50 ms | p95 ms | p99 ms"
                + " | mean batch rows | CPU us per row |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        double c64 = 0;
        double c64Cpu = 0;
        double c1p50 = 0;
        try (var runtime = new ModelRuntime(catalog, config, runtimeEngine(engine))) {
            runtime.load(version.ref());
            for (int c : new int[] {1, 4, 16, 64}) {
                var r = closedLoop(runtime, version.ref(), row, c);
                if (c == 64) {
                    c64 = r.rowsPerSecond;
                    c64Cpu = r.cpuMicrosPerRow;
                }
                if (c == 1) {
                    c1p50 = r.latencies.percentile(50);
                }
                System.out.printf(
                        Locale.ROOT,
                        "| concurrency %d | %,.0f | %.3f | %.3f | %.3f | %.1f | %.2f |%n",
                        c,
                        r.rowsPerSecond,
                        r.latencies.percentile(50),
                        r.latencies.percentile(95),
                        r.latencies.percentile(99),
                        r.meanBatch,
                        r.cpuMicrosPerRow);
            }
            var blocking = blockingClient(runtime, version.ref(), row);
            System.out.printf(
                    Locale.ROOT,
                    "| concurrency 1, blocking client thread | %,.0f | %.3f | %.3f | %.3f | 1.0 | - |%n",
                    blocking.count() / SECONDS,
                    blocking.percentile(50),
                    blocking.percentile(95),
                    blocking.percentile(99));
        }

        System.out.println();
        System.out.println(
                "| fairness: trickle tenant, 1 request every 1 ms | trickle p50 ms | trickle p99 ms | flood rows/s |");
        System.out.println("|---|---:|---:|---:|");
        Latencies alone;
        Latencies flooded;
        Latencies shared;
        try (var runtime = new ModelRuntime(catalog, config, runtimeEngine(engine))) {
            runtime.load(version.ref());
            alone = fairness(runtime, version.ref(), row, null, TRICKLE, "trickle alone");
            flooded = fairness(
                    runtime, version.ref(), row, FLOOD, TRICKLE, "trickle + flood (256 outstanding), own queue");
            shared = fairness(
                    runtime, version.ref(), row, FLOOD, FLOOD, "same flood, trickle in the flood's queue (FIFO)");
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "CPU per row: concurrency 64 %.2f us, the best raw row %.2f us (the session's) / %.2f us (DJL's): on"
                        + " free cores concurrency 64 could reach %.0f%% / %.0f%% of them%n",
                c64Cpu,
                session.cpuBest(),
                predictor.cpuBest(),
                100 * session.cpuBest() / c64Cpu,
                100 * predictor.cpuBest() / c64Cpu);
        System.out.printf(
                Locale.ROOT,
                "goals: concurrency 64 = %.0f%% of the raw best batch throughput, all raw rows (goal >= 70%%;"
                        + " %.0f%% of the session's 2 threads, %.0f%% of DJL's 2 Predictors, %.0f%% of the session's 2"
                        + " threads at batch 32); concurrency 1 adds %.3f ms to"
                        + " the session's batch-1 p50 (goal < 0.3 ms); trickle p99 under flood = %.2fx alone (goal <= 3x;"
                        + " %.2fx without per-tenant queues)%n",
                100 * c64 / rawBest,
                100 * c64 / session.twoThreads(),
                100 * c64 / predictor.twoThreads(),
                100 * c64 / session.twoThreads32(),
                c1p50 - rawP50,
                flooded.percentile(99) / alone.percentile(99),
                shared.percentile(99) / alone.percentile(99));
    }

    private record LoopResult(double rowsPerSecond, Latencies latencies, double meanBatch, double cpuMicrosPerRow) {}

    /**
     * The raw rows of one engine call: its 1-thread best, its batch-1 p50, its 2-thread row of 64 and its 2-thread
     * row of 32 (the most the runtime can reach at concurrency 64, where its two workers run batches of 32).
     */
    private record Raw(
            double oneThreadBest, double batch1P50, double twoThreads, double twoThreads32, double cpuBest) {}

    /** Batches of 1, 8, 32 and 64 on one thread, then 32 and 64 on two threads (a runner each), as one table. */
    private static Raw raw(
            String call, String each, LoadedModel model, ModelInputs prepare, List<List<Tensor>> prepared)
            throws Exception {
        System.out.println("| engine limit: raw " + call + ", 1 thread | rows/s | p50 ms per call | CPU us per row |");
        System.out.println("|---|---:|---:|---:|");
        double best = 0;
        double cpuBest = Double.MAX_VALUE;
        double p50 = 0;
        try (BatchRunner runner = model.newRunner()) {
            for (int batch : new int[] {1, 8, 32, 64}) {
                var batches = new ArrayList<List<Tensor>>();
                for (int i = 0; i < 16; i++) {
                    batches.add(BatchAssembler.stack(prepared.subList(i * batch % 448, i * batch % 448 + batch)));
                }
                var lat = new Latencies();
                int[] n = {0};
                Window window = loop(() -> {
                    long t0 = System.nanoTime();
                    // featurization (text) belongs to the engine's work, as in a DJL Translator
                    runner.run(prepare.prepare(batches.get(n[0]++ % batches.size())));
                    lat.add(System.nanoTime() - t0);
                });
                double rowsPerSecond = lat.count() * batch / window.seconds();
                cpuBest = Math.min(cpuBest, window.cpuMicrosPerRow(lat.count() * batch));
                best = Math.max(best, rowsPerSecond);
                if (batch == 1) {
                    p50 = lat.percentile(50);
                }
                System.out.printf(
                        Locale.ROOT,
                        "| batch %d | %,.0f | %.3f | %.2f |%n",
                        batch,
                        rowsPerSecond,
                        lat.percentile(50),
                        window.cpuMicrosPerRow(lat.count() * batch));
            }
            double[] two = new double[2];
            for (int batch : new int[] {32, 64}) {
                LoopResult r = rawTwoThreads(model, prepare, prepared, runner, batch);
                two[batch / 64] = r.rowsPerSecond();
                cpuBest = Math.min(cpuBest, r.cpuMicrosPerRow());
                System.out.printf(
                        Locale.ROOT,
                        "| batch %d, 2 threads (%s each) | %,.0f | %.3f | %.2f |%n",
                        batch,
                        each,
                        r.rowsPerSecond(),
                        r.latencies().percentile(50),
                        r.cpuMicrosPerRow());
            }
            return new Raw(best, p50, two[1], two[0], cpuBest);
        }
    }

    /** Two threads, a runner each, batches of that size: what the engine does with both cores and nothing else. */
    private static LoopResult rawTwoThreads(
            LoadedModel model, ModelInputs prepare, List<List<Tensor>> prepared, BatchRunner first, int batch)
            throws Exception {
        var batches = new ArrayList<List<Tensor>>();
        for (int i = 0; i < 7; i++) {
            batches.add(BatchAssembler.stack(prepared.subList(i * batch, i * batch + batch)));
        }
        var lat = new Latencies();
        var measuring = new AtomicBoolean();
        var stop = new AtomicBoolean();
        try (BatchRunner second = model.newRunner()) {
            var threads = new ArrayList<Thread>();
            for (BatchRunner runner : List.of(first, second)) {
                threads.add(new Thread(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        runner.run(prepare.prepare(batches.get(n++ % batches.size())));
                        if (measuring.get()) {
                            lat.add(System.nanoTime() - t0);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            Thread.sleep((long) (WARMUP * 1000));
            measuring.set(true);
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep((long) (SECONDS * 1000));
            measuring.set(false);
            var window = new Window((System.nanoTime() - t0) / 1e9, processCpuNanos() - cpu0);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            double rows = lat.count() * batch;
            return new LoopResult(rows / window.seconds(), lat, batch, window.cpuMicrosPerRow(rows));
        }
    }

    /** {@code concurrency} requests always outstanding, each resubmitted from its completion. */
    private static LoopResult closedLoop(ModelRuntime runtime, ModelRef model, IntFunction<List<Tensor>> row, int c)
            throws Exception {
        var stop = new AtomicBoolean();
        var measuring = new AtomicBoolean();
        var lat = new Latencies();
        var done = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < c; i++) {
            var finished = new CompletableFuture<Void>();
            done.add(finished);
            submitLoop(runtime, model, row, FLOOD, i, stop, measuring, lat, finished);
        }
        Thread.sleep((long) (WARMUP * 1000));
        var before = runtime.metrics().batchRows();
        measuring.set(true);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep((long) (SECONDS * 1000));
        measuring.set(false);
        var window = new Window((System.nanoTime() - t0) / 1e9, processCpuNanos() - cpu0);
        var after = runtime.metrics().batchRows();
        stop.set(true);
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        double meanBatch = (after.sum() - before.sum()) / Math.max(1, after.count() - before.count());
        return new LoopResult(lat.count() / window.seconds(), lat, meanBatch, window.cpuMicrosPerRow(lat.count()));
    }

    private static void submitLoop(
            ModelRuntime runtime,
            ModelRef model,
            IntFunction<List<Tensor>> row,
            ShareKey tenant,
            int i,
            AtomicBoolean stop,
            AtomicBoolean measuring,
            Latencies lat,
            CompletableFuture<Void> finished) {
        if (stop.get()) {
            finished.complete(null);
            return;
        }
        long t0 = System.nanoTime();
        // the next row of this loop's own walk through the prepared rows: no counter shared between threads
        runtime.submit(InferenceRequest.of(tenant, model, row.apply(i)))
                .whenComplete((InferenceResult r, Throwable e) -> {
                    if (e != null) {
                        finished.completeExceptionally(e);
                        return;
                    }
                    if (measuring.get()) {
                        lat.add(System.nanoTime() - t0);
                    }
                    submitLoop(runtime, model, row, tenant, i + 1, stop, measuring, lat, finished);
                });
    }

    private static Latencies blockingClient(ModelRuntime runtime, ModelRef model, IntFunction<List<Tensor>> row) {
        var lat = new Latencies();
        int[] n = {0};
        loop(() -> {
            long t0 = System.nanoTime();
            runtime.infer(InferenceRequest.of(TRICKLE, model, row.apply(n[0]++)));
            lat.add(System.nanoTime() - t0);
        });
        return lat;
    }

    private static Latencies fairness(
            ModelRuntime runtime,
            ModelRef model,
            IntFunction<List<Tensor>> row,
            ShareKey flood,
            ShareKey trickle,
            String label)
            throws Exception {
        var stop = new AtomicBoolean();
        var measuring = new AtomicBoolean();
        var floodLat = new Latencies();
        var done = new ArrayList<CompletableFuture<Void>>();
        if (flood != null) {
            for (int i = 0; i < 256; i++) {
                var finished = new CompletableFuture<Void>();
                done.add(finished);
                submitLoop(runtime, model, row, flood, i, stop, measuring, floodLat, finished);
            }
        }
        var lat = new Latencies();
        var trickleInFlight = new java.util.concurrent.Phaser(1);
        long period = 1_000_000;
        long start = System.nanoTime();
        long warmupEnd = start + (long) (WARMUP * 1e9);
        // twice as long as the other cells: a p99 needs samples
        long end = warmupEnd + (long) (2 * SECONDS * 1e9);
        long next = start;
        int n = 0;
        // open loop, timed like the flood: from submit to the completion of the future, on the completing thread
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            boolean measured = t0 >= warmupEnd;
            if (measured) {
                measuring.set(true);
            }
            trickleInFlight.register();
            runtime.submit(InferenceRequest.of(trickle, model, row.apply(n++)))
                    .whenComplete((InferenceResult r, Throwable e) -> {
                        if (e == null && measured) {
                            lat.add(System.nanoTime() - t0);
                        }
                        trickleInFlight.arriveAndDeregister();
                    });
            next += period;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(sleep);
            } else {
                next = System.nanoTime();
            }
        }
        trickleInFlight.arriveAndAwaitAdvance();
        measuring.set(false);
        stop.set(true);
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        System.out.printf(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %s |%n",
                label,
                lat.percentile(50),
                lat.percentile(99),
                flood == null ? "-" : String.format(Locale.ROOT, "%,.0f", floodLat.count() / (2 * SECONDS)));
        return lat;
    }

    /** The measured seconds of a cell and the CPU time the whole process used in them. */
    private record Window(double seconds, long cpuNanos) {

        /** CPU microseconds per row: what a row costs whatever else the machine runs at the time. */
        double cpuMicrosPerRow(double rows) {
            return cpuNanos / 1e3 / rows;
        }
    }

    /** The CPU time of every thread of this process so far (workers, clients, JIT, collector). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Runs {@code body} for the warm-up, then for the measured seconds. */
    private static Window loop(Runnable body) {
        long warm = System.nanoTime() + (long) (WARMUP * 1e9);
        while (System.nanoTime() < warm) {
            body.run();
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long end = t0 + (long) (SECONDS * 1e9);
        while (System.nanoTime() < end) {
            body.run();
        }
        return new Window((System.nanoTime() - t0) / 1e9, processCpuNanos() - cpu0);
    }

    /**
     * Latencies in nanoseconds, reported in milliseconds: an HdrHistogram per recording thread (3 significant
     * digits), so that the workers answering requests side by side never contend on the measurement; read
     * once the recording threads are done.
     */
    static final class Latencies {
        private final List<Histogram> histograms = new CopyOnWriteArrayList<>();
        private final ThreadLocal<Histogram> own = ThreadLocal.withInitial(() -> {
            var h = new Histogram(3);
            histograms.add(h);
            return h;
        });

        void add(long nanos) {
            own.get().recordValue(nanos);
        }

        private Histogram merged() {
            var all = new Histogram(3);
            histograms.forEach(all::add);
            return all;
        }

        long count() {
            return merged().getTotalCount();
        }

        double percentile(double p) {
            Histogram all = merged();
            return all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(p) / 1e6;
        }
    }
}
