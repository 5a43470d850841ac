package org.citymaas.runtime.scheduler.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.ModelRef;

/**
 * Short waits for a light tenant beside a heavy one. A tenant is light for a model when its whole backlog for
 * it fits in a quarter of the maximum rows, heavy when it has more.
 *
 * <p>While a light tenant waits beside a heavy one, batches of the model are cut to that quarter. A light
 * tenant no further in virtual time than the first in fair order (one that just became backlogged joins at the
 * others' virtual time) goes first, in a batch of light tenants' requests only: it waits for at most the
 * running batches and then runs in a batch of its own rows, not in one filled up with the heavy tenant's. For
 * a while after a light tenant waited ({@link #LIGHT_ACTIVE_NANOS}), only one worker at a time runs a long
 * batch of a model whose full batches take long ({@link #LONG_BATCH_NANOS}) and the others short ones, so its
 * next request finds a worker free soon; the heavy tenant keeps most of its throughput, and a model whose full
 * batch is over in a moment keeps full batches. A tenant flooding alone still gets full batches.
 *
 * <p>Not thread-safe: {@link BatchQueue} calls it under its lock.
 */
final class LightTenantPolicy {

    /** How long a light tenant counts as active after it last waited beside a heavier one. */
    static final long LIGHT_ACTIVE_NANOS = 100_000_000;

    /** Full batches shorter than this are not worth cutting for a light tenant: it waits for one at most. */
    static final long LONG_BATCH_NANOS = 250_000;

    /** What the policy remembers of one model version. */
    private static final class Seen {
        /** Running batches of more than a quarter of the maximum rows. */
        int runningLong;
        /** When a light tenant last waited beside a heavier one; valid once {@code lightSeen}. */
        long lightSeenNanos;

        boolean lightSeen;
        /** Moving average of how long a batch of the maximum rows runs, from the long batches measured. */
        double fullBatchNanos;
    }

    private final Map<ModelRef, Seen> models = new HashMap<>();
    private final BatchSizer sizer;

    LightTenantPolicy(BatchSizer sizer) {
        this.sizer = sizer;
    }

    private Seen seen(ModelRef model) {
        return models.computeIfAbsent(model, m -> new Seen());
    }

    /**
     * The most rows the next batch of the model may have, at most {@code targetRows}; removes the heavy tenants
     * from {@code candidates} when a light one goes first.
     */
    int maxRows(ModelRef model, List<TenantQueue> candidates, int targetRows, long now) {
        int max = targetRows;
        int maxRows = sizer.maxRows(model);
        int quarter = sizer.quarter(model);
        boolean light = false;
        boolean heavy = false;
        for (TenantQueue t : candidates) {
            light |= t.rows(model) <= quarter;
            heavy |= t.rows(model) > quarter;
        }
        Seen seen = seen(model);
        if (light && heavy && quarter < maxRows) {
            seen.lightSeen = true;
            seen.lightSeenNanos = now;
            max = Math.min(quarter, max);
            double firstTime = WeightedFairQueues.first(candidates, model).virtualTime;
            if (candidates.stream().anyMatch(t -> t.rows(model) <= quarter && t.virtualTime <= firstTime)) {
                candidates.removeIf(t -> t.rows(model) > quarter);
            }
        } else if (quarter < maxRows
                && seen.runningLong > 0
                && seen.fullBatchNanos > LONG_BATCH_NANOS
                && seen.lightSeen
                && now - seen.lightSeenNanos < LIGHT_ACTIVE_NANOS) {
            // a light tenant was active a moment ago and another worker runs a long batch of the model: this one
            // runs a short batch, so that the light tenant's next request waits for a short batch, not two long ones
            max = Math.min(quarter, max);
        }
        return max;
    }

    /** A batch of {@code rows} of the model started. */
    void started(ModelRef model, int rows) {
        if (rows > sizer.quarter(model)) {
            seen(model).runningLong++;
        }
    }

    /** A batch of {@code rows} of the model finished after {@code executionNanos} (0: not measured). */
    void done(ModelRef model, int rows, long executionNanos) {
        if (rows > sizer.quarter(model)) {
            Seen seen = seen(model);
            seen.runningLong--;
            if (executionNanos > 0) {
                double full = (double) executionNanos * sizer.maxRows(model) / rows;
                seen.fullBatchNanos = seen.fullBatchNanos == 0 ? full : 0.9 * seen.fullBatchNanos + 0.1 * full;
            }
        }
    }
}
