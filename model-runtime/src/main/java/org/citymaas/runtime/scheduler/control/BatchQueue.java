package org.citymaas.runtime.scheduler.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.citymaas.runtime.RuntimeClosedException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.scheduler.entity.QueueDepth;

/**
 * What the workers of a device take batches from. Requests wait in {@link WeightedFairQueues} (fair between
 * tenants); a batch gets the rows {@link BatchSizer} says, cut by {@link LightTenantPolicy} while a light
 * tenant waits beside a heavy one; {@link WorkerSignals} decides who is woken and how long an idle worker waits.
 *
 * <p>A worker takes a batch for the model of the first request in fair order whose model is loaded, filled in
 * the same fair order with requests for that model. When every other worker is idle it takes the batch at
 * once: waiting would only add latency. While other workers are busy it waits for a full batch, but never
 * longer than the maximum delay after the oldest queued request arrived. A worker answering its batch is not
 * woken for a batch that its own callers' resubmissions filled: it takes that batch itself a moment later,
 * which saves a thread wake-up per batch in a closed loop.
 *
 * <p>Thread-safe: one lock guards the queues, the batch sizes, the policy and the signals.
 */
public final class BatchQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final WeightedFairQueues queues;
    private final BatchSizer sizer;
    private final LightTenantPolicy lightTenants;
    private final WorkerSignals workers;
    private final Predicate<ModelRef> readyOrLoading = this::readyOrLoading;
    private final long maxDelayNanos;
    private final ModelResidency residency;
    private boolean paused;
    private boolean closed;

    /**
     * @param weights weight per tenant; others get {@code defaultWeight}
     * @param capacity requests one tenant may queue for one model version
     * @param maxBatchRows rows per batch of each model version (a larger request runs alone)
     * @param maxDelayNanos how long the oldest request of a batch may wait for more
     * @param residency where queued versions get loaded and batches lease their model
     * @param workers the worker threads taking batches, among which a model's backlog is split
     */
    public BatchQueue(
            Map<ShareKey, Double> weights,
            double defaultWeight,
            int capacity,
            ToIntFunction<ModelRef> maxBatchRows,
            long maxDelayNanos,
            ModelResidency residency,
            int workers) {
        this.queues = new WeightedFairQueues(weights, defaultWeight, capacity);
        this.sizer = new BatchSizer(maxBatchRows, workers);
        this.lightTenants = new LightTenantPolicy(sizer);
        this.workers = new WorkerSignals(lock, workers, maxDelayNanos);
        this.maxDelayNanos = maxDelayNanos;
        this.residency = residency;
    }

    /** The same maximum batch rows for every model version, for one worker. */
    public BatchQueue(
            Map<ShareKey, Double> weights,
            double defaultWeight,
            int capacity,
            int maxBatchRows,
            long maxDelayNanos,
            ModelResidency residency) {
        this(weights, defaultWeight, capacity, ref -> maxBatchRows, maxDelayNanos, residency, 1);
    }

    /** Queues the request, or throws at once when its queue is full or the runtime is closing. */
    public void enqueue(PendingRequest request) {
        lock.lock();
        try {
            if (closed) {
                throw new RuntimeClosedException("the runtime is shutting down");
            }
            queues.add(request);
            ModelRef ref = request.version().ref();
            boolean firstRows = sizer.queued(ref, request.rows());
            if (!residency.ready(ref)) {
                residency.ensureLoading(request.version());
            }
            workers.queued(firstRows, sizer.full(ref, workers.busy()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next batch, waiting while there is none; {@code null} once closed and drained. Requests whose
     * deadline passed are handed to {@code expired} instead, outside the lock's critical path.
     */
    public Batch next(List<PendingRequest> expired) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long waitNanos = Long.MAX_VALUE;
                if (!paused || closed) {
                    ModelRef model = queues.first(readyOrLoading);
                    if (model != null) {
                        long left = workers.busy() == 0 || closed || sizer.full(model, workers.busy())
                                ? 0
                                : queues.oldestQueued(model) + maxDelayNanos - System.nanoTime();
                        ModelResidency.Entry lease = left <= 0 ? residency.acquire(model) : null;
                        if (lease != null) {
                            Batch batch = take(model, lease, expired);
                            workers.took(busy -> sizer.fullAndQueued(model, busy));
                            return batch;
                        }
                        waitNanos = Math.max(left, 1);
                    }
                }
                if (closed && queues.size() == 0) {
                    return null;
                }
                workers.await(waitNanos, closed);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the model is loaded; starts loading it when not. */
    private boolean readyOrLoading(ModelRef model) {
        if (residency.ready(model)) {
            return true;
        }
        residency.ensureLoading(queues.version(model));
        return false;
    }

    private Batch take(ModelRef model, ModelResidency.Entry lease, List<PendingRequest> expired) {
        long now = System.nanoTime();
        var candidates = queues.backlogged(model);
        int maxRows = lightTenants.maxRows(model, candidates, sizer.targetRows(model, workers.busy()), now);
        var requests = new ArrayList<PendingRequest>();
        int expiredBefore = expired.size();
        int rows = queues.fill(model, candidates, maxRows, now, requests, expired);
        int dequeued = rows;
        for (int i = expiredBefore; i < expired.size(); i++) {
            dequeued += expired.get(i).rows();
        }
        sizer.started(model, dequeued, rows);
        lightTenants.started(model, rows);
        return new Batch(queues.version(model), requests, rows, lease);
    }

    /** A worker finished its batch. */
    public void done(Batch batch) {
        done(batch, 0);
    }

    /** A worker finished its batch, which ran for {@code executionNanos} (0: not measured). */
    public void done(Batch batch, long executionNanos) {
        lock.lock();
        try {
            workers.done();
            ModelRef model = batch.version().ref();
            sizer.done(model, batch.rows());
            lightTenants.done(model, batch.rows(), executionNanos);
            if (closed) {
                workers.wakeAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the workers: a model became ready or failed. */
    public void wake() {
        lock.lock();
        try {
            workers.wakeAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every queued request for the version (its load failed). */
    public List<PendingRequest> removeAll(ModelRef model) {
        lock.lock();
        try {
            var removed = queues.removeAll(model);
            sizer.removed(model);
            return removed;
        } finally {
            lock.unlock();
        }
    }

    public void pause(boolean pause) {
        lock.lock();
        try {
            paused = pause;
            workers.wakeAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests; workers drain what is queued. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            workers.wakeAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns everything still queued. */
    public List<PendingRequest> drain() {
        lock.lock();
        try {
            var all = queues.removeAll();
            sizer.removedAll();
            workers.wakeAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    public List<QueueDepth> depths() {
        lock.lock();
        try {
            return queues.depths();
        } finally {
            lock.unlock();
        }
    }
}
