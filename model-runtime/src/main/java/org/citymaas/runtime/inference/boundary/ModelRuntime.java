package org.citymaas.runtime.inference.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.RuntimeClosedException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.RemoteEngine;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.engine.entity.RemoteEndpoint;
import org.citymaas.runtime.inference.control.InputValidator;
import org.citymaas.runtime.inference.control.ModelInputs;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.scheduler.control.BatchQueue;
import org.citymaas.runtime.scheduler.control.BatchWorker;
import org.citymaas.runtime.scheduler.control.ModelResidency;
import org.citymaas.runtime.scheduler.control.PendingRequest;
import org.citymaas.runtime.scheduler.control.RuntimeMeter;
import org.citymaas.runtime.scheduler.entity.ModelState;
import org.citymaas.runtime.scheduler.entity.RuntimeMetrics;

/**
 * The shared inference runtime: every department's requests for every catalog version, on one pool of
 * workers. Thread-safe; one instance per process.
 *
 * <pre>{@code
 * var runtime = new ModelRuntime(Catalog.fromClasspath(), RuntimeConfig.defaults());
 * InferenceResult r = runtime.submit(InferenceRequest.of(tenant, ModelRef.of("health-risk"), inputs)).get();
 * }</pre>
 */
public final class ModelRuntime implements AutoCloseable {

    private final Catalog catalog;
    private final RuntimeConfig config;
    private final String device;
    private final ModelResidency residency;
    private final BatchQueue queues;
    private final RuntimeMeter meter = new RuntimeMeter();
    private final List<Thread> workers = new ArrayList<>();
    /** Per requested ref: the version that answers it and how its inputs are prepared, one lookup a request. */
    private final Map<ModelRef, Served> served = new ConcurrentHashMap<>();

    private final Map<ModelRef, ModelInputs> inputs = new ConcurrentHashMap<>();

    private volatile boolean closed;

    /** A runtime on DJL's TensorFlow engine. */
    public ModelRuntime(Catalog catalog, RuntimeConfig config) {
        this(catalog, config, new TensorFlowEngine(config.device()));
    }

    /** A runtime on the given engine. */
    /**
     * A runtime whose listed versions are served by external Open Inference Protocol v2 engines (KServe, Triton,
     * MLServer) and every other version by the embedded TensorFlow engine; queues, batching and deadlines as ever.
     */
    public static ModelRuntime withRemoteEngines(
            Catalog catalog, RuntimeConfig config, Map<ModelRef, RemoteEndpoint> endpoints) {
        return new ModelRuntime(catalog, config, new RemoteEngine(endpoints, new TensorFlowEngine(config.device())));
    }

    public ModelRuntime(Catalog catalog, RuntimeConfig config, InferenceEngine engine) {
        this.catalog = catalog;
        this.config = config;
        this.device = engine.device();
        this.residency = new ModelResidency(engine, config.memoryBudgetBytes(), this::settled);
        this.queues = new BatchQueue(
                config.tenantWeights(),
                config.defaultWeight(),
                config.queueCapacity(),
                (ModelRef ref) -> config.maxBatchRows(ref.name()),
                config.maxBatchDelay().toNanos(),
                residency,
                config.workers());
        for (int i = 0; i < config.workers(); i++) {
            Thread t = new Thread(
                    new BatchWorker(queues, residency, meter, device, this::stack),
                    "citymaas-worker-" + device + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    private void settled(ModelVersion version, RuntimeException failure) {
        if (failure != null) {
            for (PendingRequest r : queues.removeAll(version.ref())) {
                meter.failed();
                r.future().completeExceptionally(failure);
            }
        }
        queues.wake();
    }

    private record Served(ModelVersion version, ModelInputs inputs) {}

    private Served serve(ModelRef requested) {
        ModelVersion version = catalog.resolve(requested);
        return new Served(version, inputsOf(version));
    }

    /** One per version, shared by the refs that name it (and their text featurizer tables). */
    private ModelInputs inputsOf(ModelVersion version) {
        return inputs.computeIfAbsent(version.ref(), ref -> new ModelInputs(version.card()));
    }

    private List<Tensor> stack(ModelVersion version, List<List<Tensor>> requests) {
        return inputsOf(version).stack(requests);
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Reads the catalog's directory again after versions were added to or removed from it: requests resolve
     * against what is on disk now, and versions no longer there (or moved) are unloaded.
     */
    public void refreshCatalog() {
        var before = catalog.all();
        catalog.refresh();
        var now = catalog.all();
        served.clear();
        for (ModelVersion old : before) {
            boolean kept = now.stream()
                    .anyMatch(v -> v.ref().equals(old.ref()) && v.savedModel().equals(old.savedModel()));
            if (!kept) {
                residency.unload(old.ref());
                inputs.remove(old.ref());
            }
        }
    }

    public RuntimeConfig config() {
        return config;
    }

    /**
     * Checks a request against the signature of the version that will answer it (names, types,
     * shapes, ranges), once: {@link #submit(ValidatedRequest)} does not check it again.
     *
     * @throws InvalidInputException with one violation per broken rule
     * @throws org.citymaas.runtime.ModelNotFoundException no such model or version
     */
    public ValidatedRequest validate(InferenceRequest request) {
        Served model = served.get(request.model());
        if (model == null) {
            model = served.computeIfAbsent(request.model(), this::serve);
        }
        ModelVersion version = model.version();
        var violations = InputValidator.validate(version.card(), request.inputs());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ValidatedRequest(request, version, model.inputs());
    }

    /**
     * Validates and queues a request: {@link #validate} then {@link #submit(ValidatedRequest)}.
     * Throws at once ({@link InvalidInputException}, {@link org.citymaas.runtime.ModelNotFoundException},
     * {@link QueueFullException}, {@link RuntimeClosedException}); the future fails as there.
     */
    public CompletableFuture<InferenceResult> submit(InferenceRequest request) {
        if (closed) {
            throw new RuntimeClosedException("the runtime is shut down");
        }
        return submit(validate(request));
    }

    /**
     * Queues a validated request. Throws at once ({@link QueueFullException}, {@link
     * RuntimeClosedException}); the future fails with {@link org.citymaas.runtime.DeadlineExceededException}
     * when the deadline passes in the queue, or with a {@link ModelRuntimeException} when the model fails.
     */
    public CompletableFuture<InferenceResult> submit(ValidatedRequest validated) {
        if (closed) {
            throw new RuntimeClosedException("the runtime is shut down");
        }
        var request = validated.request();
        ModelVersion version = validated.version();
        var prepared = validated.modelInputs().queued(request.inputs());
        long now = System.nanoTime();
        Duration timeout = request.timeout().orElse(config.defaultTimeout());
        var future = new CompletableFuture<InferenceResult>();
        var pending = new PendingRequest(
                request.tenant(),
                version,
                prepared,
                validated.rows(),
                request.priority(),
                now,
                now + timeout.toNanos(),
                future);
        try {
            queues.enqueue(pending);
        } catch (QueueFullException e) {
            meter.rejected();
            throw e;
        }
        return future;
    }

    /** Submits and waits for the answer. */
    public InferenceResult infer(InferenceRequest request) {
        try {
            return submit(request).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelRuntimeException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelRuntimeException mre) {
                throw mre;
            }
            throw new ModelRuntimeException("inference failed", e.getCause());
        }
    }

    /** Loads a version (the default one when none is named) and waits until it is ready. */
    public void load(ModelRef model) {
        residency.load(catalog.resolve(model));
    }

    /** Unloads a version now, or after the batches running on it; queued requests load it again. */
    public void unload(ModelRef model) {
        residency.unload(catalog.resolve(model).ref());
    }

    public ModelState state(ModelRef model) {
        return residency.state(catalog.resolve(model).ref());
    }

    /** Whether the version is loaded and answers without a load delay. */
    public boolean ready(ModelRef model) {
        return state(model) == ModelState.READY;
    }

    /** Whether the runtime takes requests: false once {@link #shutdown} began. */
    public boolean isOpen() {
        return !closed;
    }

    /** Stops handing out batches (queued requests wait; their deadlines still count) until resumed. */
    public void pause() {
        queues.pause(true);
    }

    public void resume() {
        queues.pause(false);
    }

    public RuntimeMetrics metrics() {
        return new RuntimeMetrics(
                device,
                queues.depths(),
                meter.batchRows(),
                meter.latencyMillis(),
                residency.statuses(),
                residency.usedBytes(),
                residency.budgetBytes(),
                meter.completed(),
                meter.rejectedCount(),
                meter.expiredCount(),
                meter.failedCount());
    }

    /**
     * Refuses new requests, lets the workers finish queued work for at most {@code grace}, fails what is
     * left with {@link RuntimeClosedException}, and unloads every model.
     */
    public void shutdown(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        queues.close();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : workers) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (PendingRequest r : queues.drain()) {
            meter.failed();
            r.future()
                    .completeExceptionally(new RuntimeClosedException("the runtime shut down before the request ran"));
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        residency.close();
    }

    @Override
    public void close() {
        shutdown(config.shutdownGrace());
    }
}
