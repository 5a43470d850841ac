package org.citymaas.runtime.scheduler.entity;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of the runtime.
 *
 * @param device where models run
 * @param queues non-empty queues
 * @param batchRows rows per executed batch
 * @param latencyMillis end-to-end latency (queue and execution) per model version ({@code name:version})
 * @param models model versions known to the residency manager
 * @param memoryUsedBytes what the loaded models count against the budget
 * @param memoryBudgetBytes the budget
 * @param completed requests answered
 * @param rejected requests refused because a queue was full
 * @param expired requests whose deadline passed before they ran
 * @param failed requests that failed while running or loading
 */
public record RuntimeMetrics(
        String device,
        List<QueueDepth> queues,
        HistogramSnapshot batchRows,
        Map<String, HistogramSnapshot> latencyMillis,
        List<ModelStatus> models,
        long memoryUsedBytes,
        long memoryBudgetBytes,
        long completed,
        long rejected,
        long expired,
        long failed) {

    public int queuedRequests() {
        return queues.stream().mapToInt(QueueDepth::requests).sum();
    }
}
