package org.citymaas.portal.metrics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.citymaas.portal.metrics.control.TagValues;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.scheduler.entity.HistogramSnapshot;
import org.citymaas.runtime.scheduler.entity.RuntimeMetrics;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The model runtime's queues and batches as gauges, read from its own meter ({@link ModelRuntime#metrics()})
 * when the registry is read: nothing is counted twice. One snapshot serves the gauges of one scrape (it is
 * kept for a second). A queue gauge per model and department appears with the first governed request of
 * that pair.
 */
@ApplicationScoped
public class RuntimeGauges {

    static final String QUEUED = "citymaas.runtime.queued";
    static final String QUEUE_DEPTH = "citymaas.runtime.queue.depth";
    static final String BATCHES = "citymaas.runtime.batches";
    static final String BATCH_ROWS_MEAN = "citymaas.runtime.batch.rows.mean";
    static final String BATCH_ROWS_P50 = "citymaas.runtime.batch.rows.p50";
    static final String BATCH_ROWS_P95 = "citymaas.runtime.batch.rows.p95";

    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile RuntimeMetrics snapshot;
    private volatile long snapshotAt;

    @Inject
    MetricRegistry registry;

    @Inject
    ModelRuntime runtime;

    /** Registers the gauges when the portal starts (the runtime's engine still starts on first use). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer only makes the bean exist; @PostConstruct registers
    }

    @PostConstruct
    void register() {
        gauge(
                QUEUED,
                "Requests waiting in the model runtime's queues",
                () -> snapshot().queuedRequests());
        gauge(
                BATCHES,
                "Batches the model runtime ran since it started",
                () -> snapshot().batchRows().count());
        gauge(BATCH_ROWS_MEAN, "Rows per batch the runtime ran, on average (0 before the first)", () -> {
            var rows = snapshot().batchRows();
            return rows.count() == 0 ? 0.0 : rows.sum() / rows.count();
        });
        gauge(BATCH_ROWS_P50, "Upper bound of the batch size bucket holding the median batch", () -> bound(0.5));
        gauge(BATCH_ROWS_P95, "Upper bound of the batch size bucket holding the 95th percentile", () -> bound(0.95));
    }

    /** Adds the queue depth gauge of a model and department (once; not for an unknown model). */
    void watchQueue(String model, String department) {
        if (TagValues.UNKNOWN_MODEL.equals(model) || !watched.add(model + '\n' + department)) {
            return;
        }
        var metadata = Metadata.builder()
                .withName(QUEUE_DEPTH)
                .withDescription("Requests of a department waiting in the runtime for a model")
                .build();
        registry.gauge(
                metadata,
                () -> snapshot().queues().stream()
                        .filter(q -> q.model().name().equals(model)
                                && TagValues.department(q.tenant().value()).equals(department))
                        .mapToLong(q -> q.requests())
                        .sum(),
                new Tag(InferenceMeters.MODEL, model),
                new Tag(InferenceMeters.DEPARTMENT, department));
    }

    private double bound(double quantile) {
        HistogramSnapshot rows = snapshot().batchRows();
        if (rows.count() == 0) {
            return 0.0;
        }
        var bound = rows.quantileUpperBound(quantile);
        // beyond the last bucket: the most rows any batch may hold is still an upper bound
        return Double.isInfinite(bound) ? largestBatch() : bound;
    }

    private double largestBatch() {
        var config = runtime.config();
        return config.maxBatchRowsByModel().values().stream()
                .mapToInt(Integer::intValue)
                .reduce(config.maxBatchRows(), Math::max);
    }

    private <T extends Number> void gauge(String name, String description, Supplier<T> value) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), value);
    }

    private RuntimeMetrics snapshot() {
        var now = System.nanoTime();
        var current = snapshot;
        if (current == null || now - snapshotAt > SNAPSHOT_NANOS) {
            current = runtime.metrics();
            snapshot = current;
            snapshotAt = now;
        }
        return current;
    }
}
