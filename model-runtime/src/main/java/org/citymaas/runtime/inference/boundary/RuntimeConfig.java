package org.citymaas.runtime.inference.boundary;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.citymaas.runtime.engine.control.TensorFlowEngine.DevicePreference;
import org.citymaas.runtime.inference.entity.ShareKey;

/**
 * How the runtime is sized.
 *
 * @param device which device the workers use
 * @param workers worker threads (each runs one batch at a time with its own predictor)
 * @param maxBatchRows most rows per batch
 * @param maxBatchRowsByModel most rows per batch for the named models (catalog names), overriding {@code
 *     maxBatchRows}: a large text model may want small batches for latency, a tiny tabular one large ones
 * @param maxBatchDelay how long the oldest request of a batch may wait for more while the runtime is busy
 * @param queueCapacity requests one tenant may queue for one model version; more are rejected at once
 * @param defaultTimeout deadline of a request that names none
 * @param memoryBudgetBytes SavedModel bytes that may be loaded at once; least recently used versions go first
 * @param tenantWeights fair-share weight per tenant, by its share key
 * @param defaultWeight weight of tenants not listed
 * @param shutdownGrace how long {@link ModelRuntime#close()} lets queued work finish
 */
public record RuntimeConfig(
        DevicePreference device,
        int workers,
        int maxBatchRows,
        Map<String, Integer> maxBatchRowsByModel,
        Duration maxBatchDelay,
        int queueCapacity,
        Duration defaultTimeout,
        long memoryBudgetBytes,
        Map<ShareKey, Double> tenantWeights,
        double defaultWeight,
        Duration shutdownGrace) {

    public RuntimeConfig {
        if (workers < 1 || maxBatchRows < 1 || queueCapacity < 1 || defaultWeight <= 0) {
            throw new IllegalArgumentException(
                    "workers, maxBatchRows, queueCapacity and defaultWeight must be positive");
        }
        tenantWeights = Map.copyOf(tenantWeights);
        maxBatchRowsByModel = Map.copyOf(maxBatchRowsByModel);
        maxBatchRowsByModel.forEach((m, rows) -> {
            if (rows < 1) {
                throw new IllegalArgumentException("maxBatchRows of " + m + " must be positive");
            }
        });
        tenantWeights.forEach((t, w) -> {
            if (w <= 0) {
                throw new IllegalArgumentException("weight of " + t + " must be positive");
            }
        });
    }

    /**
     * The GPU when there is one, a worker per core, batches of up to 64 rows waiting at most 2 ms, 1,000
     * queued requests per tenant and model, 30 s deadlines, 512 MB of models, equal weights.
     */
    public static RuntimeConfig defaults() {
        return new RuntimeConfig(
                DevicePreference.AUTO,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                64,
                Map.of(),
                Duration.ofMillis(2),
                1000,
                Duration.ofSeconds(30),
                512L * 1024 * 1024,
                Map.of(),
                1.0,
                Duration.ofSeconds(10));
    }

    public RuntimeConfig withDevice(DevicePreference device) {
        return with(b -> b.device = device);
    }

    public RuntimeConfig withWorkers(int workers) {
        return with(b -> b.workers = workers);
    }

    public RuntimeConfig withBatching(int maxBatchRows, Duration maxBatchDelay) {
        return with(b -> {
            b.maxBatchRows = maxBatchRows;
            b.maxBatchDelay = maxBatchDelay;
        });
    }

    /** Most rows per batch for one model (catalog name). */
    public RuntimeConfig withMaxBatchRows(String model, int rows) {
        var byModel = new java.util.HashMap<>(maxBatchRowsByModel);
        byModel.put(model, rows);
        return with(b -> b.maxBatchRowsByModel = byModel);
    }

    /** Most rows per batch for a model. */
    public int maxBatchRows(String model) {
        return maxBatchRowsByModel.getOrDefault(model, maxBatchRows);
    }

    public RuntimeConfig withQueueCapacity(int queueCapacity) {
        return with(b -> b.queueCapacity = queueCapacity);
    }

    public RuntimeConfig withDefaultTimeout(Duration defaultTimeout) {
        return with(b -> b.defaultTimeout = defaultTimeout);
    }

    public RuntimeConfig withMemoryBudget(long memoryBudgetBytes) {
        return with(b -> b.memoryBudgetBytes = memoryBudgetBytes);
    }

    public RuntimeConfig withTenantWeights(Map<ShareKey, Double> tenantWeights) {
        return with(b -> b.tenantWeights = tenantWeights);
    }

    public RuntimeConfig withShutdownGrace(Duration shutdownGrace) {
        return with(b -> b.shutdownGrace = shutdownGrace);
    }

    /** A copy of this configuration with what {@code change} sets, checked again by the canonical constructor. */
    private RuntimeConfig with(Consumer<Copy> change) {
        var copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a configuration, to change some of them before building a new one. */
    private static final class Copy {
        private DevicePreference device;
        private int workers;
        private int maxBatchRows;
        private Map<String, Integer> maxBatchRowsByModel;
        private Duration maxBatchDelay;
        private int queueCapacity;
        private Duration defaultTimeout;
        private long memoryBudgetBytes;
        private Map<ShareKey, Double> tenantWeights;
        private double defaultWeight;
        private Duration shutdownGrace;

        private Copy(RuntimeConfig c) {
            device = c.device;
            workers = c.workers;
            maxBatchRows = c.maxBatchRows;
            maxBatchRowsByModel = c.maxBatchRowsByModel;
            maxBatchDelay = c.maxBatchDelay;
            queueCapacity = c.queueCapacity;
            defaultTimeout = c.defaultTimeout;
            memoryBudgetBytes = c.memoryBudgetBytes;
            tenantWeights = c.tenantWeights;
            defaultWeight = c.defaultWeight;
            shutdownGrace = c.shutdownGrace;
        }

        private RuntimeConfig build() {
            return new RuntimeConfig(
                    device,
                    workers,
                    maxBatchRows,
                    maxBatchRowsByModel,
                    maxBatchDelay,
                    queueCapacity,
                    defaultTimeout,
                    memoryBudgetBytes,
                    tenantWeights,
                    defaultWeight,
                    shutdownGrace);
        }
    }
}
