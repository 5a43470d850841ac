package org.citymaas.runtime.scheduler.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.Priority;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * A validated request waiting in a tenant's queue.
 *
 * @param tenant whose fair share it uses
 * @param version the version that will answer
 * @param modelInputs the inputs as queued: dropped fields removed, text still text (featurized per batch)
 * @param rows its rows
 * @param priority order inside the tenant's queue
 * @param enqueuedNanos {@link System#nanoTime()} at submission
 * @param deadlineNanos {@link System#nanoTime()} after which it must not run
 * @param future completed with the result or the failure
 */
public record PendingRequest(
        ShareKey tenant,
        ModelVersion version,
        List<Tensor> modelInputs,
        int rows,
        Priority priority,
        long enqueuedNanos,
        long deadlineNanos,
        CompletableFuture<InferenceResult> future) {

    boolean expired(long now) {
        return now - deadlineNanos > 0;
    }
}
