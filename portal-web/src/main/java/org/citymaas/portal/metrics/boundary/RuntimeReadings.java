package org.citymaas.portal.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.citymaas.portal.metrics.control.Percentiles;
import org.citymaas.portal.metrics.control.RequestTable;
import org.citymaas.portal.metrics.entity.Latency;
import org.citymaas.portal.metrics.entity.QueueFigures;
import org.citymaas.portal.metrics.entity.RequestFigures;
import org.citymaas.portal.metrics.entity.RuntimeFigures;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricFilter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The runtime page's figures, read from the same registry that {@code /metrics} exports: no second
 * bookkeeping, so the page and a Prometheus scrape agree.
 */
@ApplicationScoped
public class RuntimeReadings {

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
        var requests = new HashMap<MetricID, Long>();
        registry.getCounters(named(InferenceMeters.REQUESTS)).forEach((id, c) -> requests.put(id, c.getCount()));
        var quota = new HashMap<MetricID, Long>();
        registry.getCounters(named(InferenceMeters.QUOTA_REFUSALS)).forEach((id, c) -> quota.put(id, c.getCount()));
        var latencies = new HashMap<MetricID, Latency>();
        registry.getTimers(named(InferenceMeters.LATENCY)).forEach((id, t) -> latencies.put(id, Percentiles.of(t)));
        return RequestTable.of(requests, quota, latencies);
    }

    private List<QueueFigures> queues() {
        var queues = new ArrayList<QueueFigures>();
        registry.getGauges((id, metric) -> id.getName().equals(RuntimeGauges.QUEUE_DEPTH))
                .forEach((id, gauge) -> queues.add(new QueueFigures(
                        RequestTable.tag(id, RequestTable.MODEL),
                        RequestTable.tag(id, RequestTable.DEPARTMENT),
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
}
