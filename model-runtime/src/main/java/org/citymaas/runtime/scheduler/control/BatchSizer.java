package org.citymaas.runtime.scheduler.control;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.citymaas.runtime.catalog.entity.ModelRef;

/**
 * How many rows a batch of a model version should have now: its outstanding rows (queued and running) spread
 * over the workers that are idle or already run it, at most the version's maximum. With 64 requests
 * outstanding and two workers, each runs 32 and answers its callers while the other computes, instead of one
 * worker running all 64 while the other waits; a backlog over the maximum still gets full batches.
 *
 * <p>Not thread-safe: {@link BatchQueue} calls it under its lock.
 */
final class BatchSizer {

    /** Rows of one model version queued and running, and its running batches. */
    private static final class Load {
        int queuedRows;
        int runningRows;
        int runningBatches;
    }

    private final Map<ModelRef, Load> loads = new HashMap<>();
    private final ToIntFunction<ModelRef> maxBatchRows;
    private final int workers;

    /**
     * @param maxBatchRows rows per batch of each model version (a larger request runs alone)
     * @param workers the worker threads taking batches, among which a model's backlog is split
     */
    BatchSizer(ToIntFunction<ModelRef> maxBatchRows, int workers) {
        this.maxBatchRows = maxBatchRows;
        this.workers = workers;
    }

    /** Most rows per batch of the model. */
    int maxRows(ModelRef model) {
        return maxBatchRows.applyAsInt(model);
    }

    /** A quarter of the model's maximum rows, at least one: a short batch. */
    int quarter(ModelRef model) {
        return Math.max(1, maxRows(model) / 4);
    }

    /** Rows of the model were queued; returns whether none were queued before. */
    boolean queued(ModelRef model, int rows) {
        Load load = loads.computeIfAbsent(model, r -> new Load());
        boolean wasEmpty = load.queuedRows == 0;
        load.queuedRows += rows;
        return wasEmpty;
    }

    /** The rows a batch of the model should have now, while {@code busyWorkers} run batches. */
    int targetRows(ModelRef model, int busyWorkers) {
        return targetRows(model, loads.get(model), busyWorkers);
    }

    private int targetRows(ModelRef model, Load load, int busyWorkers) {
        int max = maxBatchRows.applyAsInt(model);
        int sharing = Math.max(1, workers - busyWorkers + load.runningBatches);
        int outstanding = load.queuedRows + load.runningRows;
        return Math.max(1, Math.min(max, (outstanding + sharing - 1) / sharing));
    }

    /** Whether the rows queued for the model fill a batch of the rows it should have now. */
    boolean full(ModelRef model, int busyWorkers) {
        Load load = loads.get(model);
        return load.queuedRows >= targetRows(model, load, busyWorkers);
    }

    /** Whether rows of the model are queued and fill a batch of the rows it should have now. */
    boolean fullAndQueued(ModelRef model, int busyWorkers) {
        Load load = loads.get(model);
        return load.queuedRows > 0 && load.queuedRows >= targetRows(model, load, busyWorkers);
    }

    /** A batch of {@code rows} started; {@code dequeuedRows} (its rows and expired ones) left the queues. */
    void started(ModelRef model, int dequeuedRows, int rows) {
        Load load = loads.get(model);
        load.queuedRows -= dequeuedRows;
        load.runningRows += rows;
        load.runningBatches++;
    }

    /** A batch of {@code rows} finished. */
    void done(ModelRef model, int rows) {
        Load load = loads.get(model);
        load.runningRows -= rows;
        load.runningBatches--;
    }

    /** The model's queued requests were removed. */
    void removed(ModelRef model) {
        Load load = loads.get(model);
        if (load != null) {
            load.queuedRows = 0;
        }
    }

    /** Every queued request was removed. */
    void removedAll() {
        loads.values().forEach(load -> load.queuedRows = 0);
    }
}
