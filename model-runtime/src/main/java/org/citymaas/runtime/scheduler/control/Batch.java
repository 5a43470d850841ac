package org.citymaas.runtime.scheduler.control;

import java.util.List;
import org.citymaas.runtime.catalog.entity.ModelVersion;

/**
 * Requests for one model version that a worker runs together, with the lease on the loaded model they run on.
 *
 * @param version the version that answers them
 * @param requests in the order their rows are stacked
 * @param rows their rows together
 * @param model the lease, released when the batch is done
 */
public record Batch(ModelVersion version, List<PendingRequest> requests, int rows, ModelResidency.Entry model) {}
