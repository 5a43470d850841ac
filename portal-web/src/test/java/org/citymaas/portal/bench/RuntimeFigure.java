package org.citymaas.portal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.repository.boundary.ModelRepository;

/**
 * The model runtime in this JVM, on the SavedModel the portal served (its model repository), configured as
 * the portal configures it ({@code RuntimeConfig.defaults()}) and called as the governed use case calls it:
 * {@code validate}, then {@code submit} and wait. Measured after the portal has stopped, so that the two
 * never share the cores; model-runtime's {@code -Pbench} measures the runtime in more detail.
 */
final class RuntimeFigure {

    private static final ShareKey DEPARTMENT = ShareKey.of("transport");

    private RuntimeFigure() {}

    static List<CellResult> measure(
            Path modelsDirectory,
            Path catalogCache,
            String model,
            BenchInputs inputs,
            List<Integer> rowsPerRequest,
            List<Integer> concurrencies,
            double warmup,
            double seconds)
            throws InterruptedException {
        var results = new ArrayList<CellResult>();
        var repository = ModelRepository.open(modelsDirectory, catalogCache);
        try (var runtime = new ModelRuntime(repository.catalog(), RuntimeConfig.defaults())) {
            var ref = ModelRef.of(model);
            runtime.load(ref);
            for (int rows : rowsPerRequest) {
                // prepared beforehand, as the HTTP cells' bodies are: only the runtime's work is timed
                var prepared = new ArrayList<List<Tensor>>();
                for (int k = 0; k < 64; k++) {
                    prepared.add(inputs.rows(k * rows, rows));
                }
                for (int concurrency : concurrencies) {
                    var next = new AtomicInteger();
                    results.add(ClosedLoop.run(
                            rows == 1 ? BenchReport.RUNTIME_1 : BenchReport.RUNTIME_64,
                            concurrency,
                            rows,
                            warmup,
                            seconds,
                            () -> () -> call(runtime, ref, prepared.get(next.getAndIncrement() & 63))));
                }
            }
        }
        return results;
    }

    private static int call(ModelRuntime runtime, ModelRef ref, List<Tensor> rows) throws Exception {
        var request = InferenceRequest.of(DEPARTMENT, ref, rows);
        runtime.submit(runtime.validate(request)).get();
        return 200;
    }
}
