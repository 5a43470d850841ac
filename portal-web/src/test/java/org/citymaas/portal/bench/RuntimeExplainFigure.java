package org.citymaas.portal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.explain.boundary.Explainer;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.repository.boundary.ModelRepository;

/**
 * model-runtime's {@link Explainer} in this JVM, as {@link RuntimeFigure} measures inference: on the SavedModels
 * the portal served (its model repository), {@code RuntimeConfig.defaults()}, each model under its department's
 * share key; per model one held-out row a call, infer ({@code validate}, {@code submit}, wait) and explain
 * ({@code Explainer.explain}, wait; the model rows it ran from its {@code rowsRun}) at each concurrency. Measured
 * after the portal has stopped.
 */
final class RuntimeExplainFigure {

    private RuntimeExplainFigure() {}

    /**
     * @param departments each model's department (its share key), in the order to measure
     * @param inputs each model's held-out rows
     * @return each model's cells: in-process infer at each concurrency, then in-process explain
     */
    static Map<String, List<CellResult>> measure(
            Path modelsDirectory,
            Path catalogCache,
            Map<String, String> departments,
            Map<String, BenchInputs> inputs,
            List<Integer> concurrencies,
            double warmup,
            double seconds)
            throws InterruptedException {
        var results = new LinkedHashMap<String, List<CellResult>>();
        if (departments.isEmpty()) {
            return results;
        }
        var repository = ModelRepository.open(modelsDirectory, catalogCache);
        try (var runtime = new ModelRuntime(repository.catalog(), RuntimeConfig.defaults())) {
            var explainer = new Explainer(runtime);
            for (var entry : departments.entrySet()) {
                var ref = ModelRef.of(entry.getKey());
                var share = ShareKey.of(entry.getValue());
                runtime.load(ref);
                // prepared beforehand, as the HTTP cells' bodies are: only the runtime's work is timed
                var prepared = new ArrayList<List<Tensor>>();
                for (int k = 0; k < 64; k++) {
                    prepared.add(inputs.get(entry.getKey()).rows(k, 1));
                }
                var cells = new ArrayList<CellResult>();
                for (int concurrency : concurrencies) {
                    var next = new AtomicInteger();
                    cells.add(ClosedLoop.run(
                            BenchReport.RUNTIME_1,
                            concurrency,
                            1,
                            warmup,
                            seconds,
                            () -> () -> infer(runtime, share, ref, prepared.get(next.getAndIncrement() & 63))));
                }
                for (int concurrency : concurrencies) {
                    var next = new AtomicInteger();
                    cells.add(ClosedLoop.run(
                            BenchReport.RUNTIME_EXPLAIN_1,
                            concurrency,
                            1,
                            warmup,
                            seconds,
                            () -> new ExplainCall(explainer, share, ref, prepared, next)));
                }
                BenchStack.step("runtime in-process infer and explain of " + entry.getKey() + " measured");
                results.put(entry.getKey(), cells);
            }
        }
        return results;
    }

    private static int infer(ModelRuntime runtime, ShareKey share, ModelRef ref, List<Tensor> rows) throws Exception {
        runtime.submit(runtime.validate(InferenceRequest.of(share, ref, rows))).get();
        return 200;
    }

    /** One client thread's explanations: each one's {@code rowsRun} kept for the cell's count. */
    private static final class ExplainCall implements ClosedLoop.Call {

        private final Explainer explainer;
        private final ShareKey share;
        private final ModelRef ref;
        private final List<List<Tensor>> prepared;
        private final AtomicInteger next;
        private long rowsRun = -1;

        ExplainCall(
                Explainer explainer, ShareKey share, ModelRef ref, List<List<Tensor>> prepared, AtomicInteger next) {
            this.explainer = explainer;
            this.share = share;
            this.ref = ref;
            this.prepared = prepared;
            this.next = next;
        }

        @Override
        public int send() throws Exception {
            rowsRun = -1;
            var request = InferenceRequest.of(share, ref, prepared.get(next.getAndIncrement() & 63));
            rowsRun = explainer.explain(request).get().rowsRun();
            return 200;
        }

        @Override
        public long rowsRun() {
            return rowsRun;
        }
    }
}
