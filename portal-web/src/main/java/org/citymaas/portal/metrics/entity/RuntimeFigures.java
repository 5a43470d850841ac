package org.citymaas.portal.metrics.entity;

import java.util.List;

/**
 * What the runtime page shows, read from the metric registry.
 *
 * @param requests governed requests per model and department
 * @param queued requests waiting in the runtime now
 * @param queues the non-empty queues per model and department
 * @param batches batches the runtime ran since it started
 * @param batchRowsMean rows per batch on average ({@code NaN} before the first batch)
 * @param batchRowsP50 the batch size bucket that holds the median batch
 * @param batchRowsP95 the batch size bucket that holds the 95th percentile
 * @param auditAppends the audit log's append latency
 */
public record RuntimeFigures(
        List<RequestFigures> requests,
        long queued,
        List<QueueFigures> queues,
        long batches,
        double batchRowsMean,
        double batchRowsP50,
        double batchRowsP95,
        Latency auditAppends) {}
