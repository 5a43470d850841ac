package org.citymaas.runtime.scheduler.control;

import java.util.LinkedHashMap;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.ShareKey;

/**
 * One tenant's queues, one per model version, and its virtual time: the rows it was served divided by its
 * weight. State of {@link WeightedFairQueues}, guarded by {@link BatchQueue}'s lock.
 */
final class TenantQueue {

    final ShareKey tenant;
    final double weight;
    final Map<ModelRef, ModelQueue> models = new LinkedHashMap<>();
    double virtualTime;
    /** Requests queued, all models together. */
    int size;

    TenantQueue(ShareKey tenant, double weight) {
        this.tenant = tenant;
        this.weight = weight;
    }

    /** Rows queued for a model the tenant has queued for. */
    int rows(ModelRef model) {
        return models.get(model).rows;
    }
}
