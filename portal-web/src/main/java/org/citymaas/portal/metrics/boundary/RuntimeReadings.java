package org.citymaas.portal.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citymaas.portal.metrics.control.Percentiles;
import org.citymaas.portal.metrics.entity.Latency;
import org.citymaas.portal.metrics.entity.Outcome;
import org.citymaas.portal.metrics.entity.QueueFigures;
import org.citymaas.portal.metrics.entity.RequestFigures;
import org.citymaas.portal.metrics.entity.RuntimeFigures;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricFilter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The runtime page's figures, read from the same registry that {@code /metrics} exports: no second
 * bookkeeping, so the page and a Prometheus scrape agree.
 */
@ApplicationScoped
public class RuntimeReadings {

    private record Pair(String model, String department) {}

    @Inject
    MetricRegistry registry;

    public RuntimeFigures figures() {
        return new RuntimeFigures(
                requests(),
                gauge(RuntimeGauges.QUEUED).longValue(),
                queues(),
                gauge(RuntimeGauges.BATCHES).longValue(),
                gauge(RuntimeGauges.BATCH_ROWS_MEAN).doubleValue(),
                gauge(RuntimeGauges.BATCH_ROWS_P50).doubleValue(),
                gauge(RuntimeGauges.BATCH_ROWS_P95).doubleValue(),
                Percentiles.of(registry.getTimers(named(AuditTimings.APPEND)).values().stream()
                        .findFirst()
                        .orElse(null)));
    }

    private List<RequestFigures> requests() {
        var counts = new TreeMap<Pair, long[]>(Comparator.comparing(Pair::model).thenComparing(Pair::department));
        var latencies = new TreeMap<Pair, Latency>(counts.comparator());
        for (Map.Entry<MetricID, Counter> entry : registry.getCounters(
                        (id, metric) -> id.getName().equals(InferenceMeters.REQUESTS)
                                || id.getName().equals(InferenceMeters.QUOTA_REFUSALS))
                .entrySet()) {
            var id = entry.getKey();
            var slots = counts.computeIfAbsent(pair(id), p -> new long[4]);
            var slot = id.getName().equals(InferenceMeters.QUOTA_REFUSALS)
                    ? 3
                    : Outcome.valueOf(tag(id, InferenceMeters.OUTCOME).toUpperCase(java.util.Locale.ROOT))
                            .ordinal();
            slots[slot] += entry.getValue().getCount();
        }
        for (Map.Entry<MetricID, Timer> entry : registry.getTimers(
                        (id, metric) -> id.getName().equals(InferenceMeters.LATENCY)
                                && Outcome.OK.tag().equals(tag(id, InferenceMeters.OUTCOME)))
                .entrySet()) {
            latencies.put(pair(entry.getKey()), Percentiles.of(entry.getValue()));
        }
        var figures = new ArrayList<RequestFigures>();
        counts.forEach((pair, c) -> figures.add(new RequestFigures(
                pair.model(),
                pair.department(),
                c[Outcome.OK.ordinal()],
                c[Outcome.REFUSED.ordinal()],
                c[Outcome.FAILED.ordinal()],
                c[3],
                latencies.getOrDefault(pair, Latency.NONE))));
        return figures;
    }

    private List<QueueFigures> queues() {
        var queues = new ArrayList<QueueFigures>();
        registry.getGauges((id, metric) -> id.getName().equals(RuntimeGauges.QUEUE_DEPTH))
                .forEach((id, gauge) -> queues.add(new QueueFigures(
                        tag(id, InferenceMeters.MODEL),
                        tag(id, InferenceMeters.DEPARTMENT),
                        gauge.getValue().longValue())));
        queues.sort(Comparator.comparing(QueueFigures::model).thenComparing(QueueFigures::department));
        return queues;
    }

    private Number gauge(String name) {
        return registry.getGauges(named(name)).values().stream()
                .findFirst()
                .<Number>map(Gauge::getValue)
                .orElse(0);
    }

    private static MetricFilter named(String name) {
        return (id, metric) -> id.getName().equals(name);
    }

    private static Pair pair(MetricID id) {
        return new Pair(tag(id, InferenceMeters.MODEL), tag(id, InferenceMeters.DEPARTMENT));
    }

    private static String tag(MetricID id, String name) {
        return id.getTags().getOrDefault(name, "");
    }
}
