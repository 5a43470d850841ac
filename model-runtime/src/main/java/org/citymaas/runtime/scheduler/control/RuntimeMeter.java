package org.citymaas.runtime.scheduler.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.scheduler.entity.HistogramSnapshot;

/** Counters and histograms the workers update and the metrics snapshot reads. */
public final class RuntimeMeter {

    final Histogram batchRows = new Histogram(Histogram.BATCH_ROWS);
    final Map<ModelRef, Histogram> latency = new ConcurrentHashMap<>();
    final LongAdder completed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder failed = new LongAdder();

    Histogram latency(ModelRef model) {
        return latency.computeIfAbsent(model, m -> new Histogram(Histogram.LATENCY_MILLIS));
    }

    public void rejected() {
        rejected.increment();
    }

    public void expired() {
        expired.increment();
    }

    public void failed() {
        failed.increment();
    }

    public HistogramSnapshot batchRows() {
        return batchRows.snapshot();
    }

    public Map<String, HistogramSnapshot> latencyMillis() {
        var map = new TreeMap<String, HistogramSnapshot>();
        latency.forEach((ref, h) -> map.put(ref.toString(), h.snapshot()));
        return map;
    }

    public long completed() {
        return completed.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }

    public long expiredCount() {
        return expired.sum();
    }

    public long failedCount() {
        return failed.sum();
    }
}
