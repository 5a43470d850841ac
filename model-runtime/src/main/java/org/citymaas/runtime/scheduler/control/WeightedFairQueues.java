package org.citymaas.runtime.scheduler.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.RuntimeClosedException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.entity.Priority;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.scheduler.entity.QueueDepth;

/**
 * Bounded per-tenant, per-model queues served by weighted fair queuing, cut into batches per model.
 *
 * <p>Every tenant has a virtual time: the rows it was served divided by its weight. The next request
 * comes from the backlogged tenant with the smallest virtual time, so over any busy period each tenant
 * gets rows in proportion to its weight, however many requests another tenant queues. A tenant that
 * becomes backlogged starts at the smallest virtual time of the others: idling earns no credit.
 *
 * <p>A worker takes a batch for the model of the first request chosen, filled in the same fair order
 * with requests for that model, up to the maximum rows. When every other worker is idle it takes the
 * batch at once: waiting would only add latency. While other workers are busy it waits for a full
 * batch, but never longer than the maximum delay after the oldest queued request arrived. While a
 * tenant with a small backlog (at most a quarter batch) waits beside a heavier one, batches of that model
 * are cut to a quarter, so the light tenant's request waits for at most the running batches and then runs
 * in a short one. A worker
 * answering its batch is not woken for a batch that its own callers' resubmissions filled: it takes that
 * batch itself a moment later, which saves a thread wake-up per batch in a closed loop.
 */
public final class WeightedFairQueues {

    /** A batch for one model version, and requests that expired while queued. */
    public record Batch(ModelVersion version, List<PendingRequest> requests, int rows, ModelResidency.Entry model) {}

    private static final class ModelQueue {
        final List<ArrayDeque<PendingRequest>> byPriority =
                List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
        int size;
        int rows;

        PendingRequest peek() {
            for (int p = Priority.HIGH.ordinal(); p >= 0; p--) {
                PendingRequest r = byPriority.get(p).peekFirst();
                if (r != null) {
                    return r;
                }
            }
            return null;
        }

        PendingRequest poll() {
            for (int p = Priority.HIGH.ordinal(); p >= 0; p--) {
                PendingRequest r = byPriority.get(p).pollFirst();
                if (r != null) {
                    size--;
                    rows -= r.rows();
                    return r;
                }
            }
            return null;
        }
    }

    private static final class TenantQueue {
        final ShareKey tenant;
        final double weight;
        final Map<ModelRef, ModelQueue> models = new LinkedHashMap<>();
        double virtualTime;
        int size;

        TenantQueue(ShareKey tenant, double weight) {
            this.tenant = tenant;
            this.weight = weight;
        }
    }

    /** Rows of one model version queued and running, and its running batches. */
    private static final class ModelLoad {
        int queuedRows;
        int runningRows;
        int runningBatches;
        /** Running batches of more than a quarter of the maximum rows. */
        int runningLong;
        /** When a light tenant last waited beside a heavier one; valid once {@code lightSeen}. */
        long lightSeenNanos;

        boolean lightSeen;
        /** Moving average of how long a batch of the maximum rows runs, from the long batches measured. */
        double fullBatchNanos;
    }

    private static final long MIN_POLL_NANOS = 100_000;

    /** How long a light tenant counts as active after it last waited beside a heavier one. */
    static final long LIGHT_ACTIVE_NANOS = 100_000_000;

    /** Full batches shorter than this are not worth cutting for a light tenant: it waits for one at most. */
    static final long LONG_BATCH_NANOS = 250_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<ShareKey, TenantQueue> tenants = new HashMap<>();
    private final Map<ModelRef, ModelVersion> versions = new HashMap<>();
    private final Map<ModelRef, ModelLoad> loads = new HashMap<>();
    private final Map<ShareKey, Double> weights;
    private final double defaultWeight;
    private final int capacity;
    private final java.util.function.ToIntFunction<ModelRef> maxBatchRows;
    private final long maxDelayNanos;
    private final ModelResidency residency;
    private final int workers;
    private double lastServedVirtualTime;
    private int busyWorkers;
    private int sleepingWorkers;
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
    public WeightedFairQueues(
            Map<ShareKey, Double> weights,
            double defaultWeight,
            int capacity,
            java.util.function.ToIntFunction<ModelRef> maxBatchRows,
            long maxDelayNanos,
            ModelResidency residency,
            int workers) {
        this.weights = Map.copyOf(weights);
        this.defaultWeight = defaultWeight;
        this.capacity = capacity;
        this.maxBatchRows = maxBatchRows;
        this.maxDelayNanos = maxDelayNanos;
        this.residency = residency;
        this.workers = workers;
    }

    /** The same maximum batch rows for every model version, for one worker. */
    public WeightedFairQueues(
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
            TenantQueue t = tenants.computeIfAbsent(
                    request.tenant(), id -> new TenantQueue(id, weights.getOrDefault(id, defaultWeight)));
            ModelRef ref = request.version().ref();
            ModelQueue q = t.models.computeIfAbsent(ref, r -> new ModelQueue());
            if (q.size >= capacity) {
                throw new QueueFullException(
                        "queue of tenant " + request.tenant() + " for " + ref + " is full (" + capacity + " requests)",
                        capacity);
            }
            if (t.size == 0) {
                t.virtualTime = Math.max(t.virtualTime, minBackloggedVirtualTime());
            }
            q.byPriority.get(request.priority().ordinal()).addLast(request);
            q.size++;
            q.rows += request.rows();
            t.size++;
            versions.putIfAbsent(ref, request.version());
            ModelLoad load = loads.computeIfAbsent(ref, r -> new ModelLoad());
            boolean wasEmpty = load.queuedRows == 0;
            load.queuedRows += request.rows();
            if (!residency.ready(ref)) {
                residency.ensureLoading(request.version());
            }
            // wake an idle worker only when it should act now: the runtime is idle, or a batch is full and the
            // thread queueing it is not a worker about to come back for it (a client resubmitting from its
            // completion). Idle workers watch the delay clock themselves while others are busy (see next), so
            // the first request into an empty queue wakes nobody, unless the delay is too short to watch.
            if (busyWorkers == 0
                    || (wasEmpty && !idleWorkersPoll())
                    || (load.queuedRows >= targetRows(ref, load) && !BatchWorker.comingBackSoon())) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private double minBackloggedVirtualTime() {
        double min = Double.POSITIVE_INFINITY;
        for (TenantQueue t : tenants.values()) {
            if (t.size > 0) {
                min = Math.min(min, t.virtualTime);
            }
        }
        return min == Double.POSITIVE_INFINITY ? lastServedVirtualTime : min;
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
                    ModelRef model = pickModel();
                    if (model != null) {
                        ModelLoad load = loads.get(model);
                        long left = busyWorkers == 0 || closed || load.queuedRows >= targetRows(model, load)
                                ? 0
                                : oldestQueued(model) + maxDelayNanos - System.nanoTime();
                        ModelResidency.Entry lease = left <= 0 ? residency.acquire(model) : null;
                        if (lease != null) {
                            Batch batch = fill(model, lease, expired);
                            if ((busyWorkers++ == 0 && sleepingWorkers > 0)
                                    || (busyWorkers < workers
                                            && load.queuedRows > 0
                                            && load.queuedRows >= targetRows(model, load))) {
                                // an idle worker sleeping without a clock starts watching the delay, or takes
                                // the rest of a split backlog
                                changed.signal();
                            }
                            return batch;
                        }
                        waitNanos = Math.max(left, 1);
                    }
                }
                if (closed && totalQueued() == 0) {
                    return null;
                }
                if (waitNanos == Long.MAX_VALUE && busyWorkers > 0 && !closed && idleWorkersPoll()) {
                    // requests may arrive without waking anyone while others are busy: look again after the delay
                    waitNanos = maxDelayNanos;
                }
                if (waitNanos == Long.MAX_VALUE) {
                    sleepingWorkers++;
                    try {
                        changed.await();
                    } finally {
                        sleepingWorkers--;
                    }
                } else {
                    changed.awaitNanos(waitNanos);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether idle workers look at the queues every maximum delay while others are busy, instead of being
     * woken by the first request into an empty queue; not for delays so short that looking would spin.
     */
    private boolean idleWorkersPoll() {
        return maxDelayNanos >= MIN_POLL_NANOS;
    }

    private long oldestQueued(ModelRef model) {
        long oldest = Long.MAX_VALUE;
        for (TenantQueue t : tenants.values()) {
            ModelQueue q = t.models.get(model);
            if (q != null && q.size > 0) {
                for (var deque : q.byPriority) {
                    PendingRequest head = deque.peekFirst();
                    if (head != null && (oldest == Long.MAX_VALUE || head.enqueuedNanos() - oldest < 0)) {
                        oldest = head.enqueuedNanos();
                    }
                }
            }
        }
        return oldest;
    }

    private ModelRef pickModel() {
        TenantQueue best = null;
        PendingRequest bestHead = null;
        for (TenantQueue t : tenants.values()) {
            if (t.size == 0) {
                continue;
            }
            for (var e : t.models.entrySet()) {
                if (e.getValue().size == 0) {
                    continue;
                }
                if (!residency.ready(e.getKey())) {
                    residency.ensureLoading(versions.get(e.getKey()));
                    continue;
                }
                PendingRequest head = e.getValue().peek();
                if (best == null || before(t, head, best, bestHead)) {
                    best = t;
                    bestHead = head;
                }
            }
        }
        return bestHead == null ? null : bestHead.version().ref();
    }

    private static boolean before(TenantQueue t, PendingRequest head, TenantQueue best, PendingRequest bestHead) {
        if (t.virtualTime != best.virtualTime) {
            return t.virtualTime < best.virtualTime;
        }
        if (head.priority() != bestHead.priority()) {
            return head.priority().compareTo(bestHead.priority()) > 0;
        }
        return head.enqueuedNanos() < bestHead.enqueuedNanos();
    }

    private Batch fill(ModelRef model, ModelResidency.Entry lease, List<PendingRequest> expired) {
        var batch = new ArrayList<PendingRequest>();
        ModelLoad load = loads.get(model);
        int rows = take(model, load, batch, expired);
        load.runningRows += rows;
        load.runningBatches++;
        if (rows > quarter(model)) {
            load.runningLong++;
        }
        return new Batch(versions.get(model), batch, rows, lease);
    }

    /**
     * The rows a batch of the model should have now: its outstanding rows (queued and running) spread over
     * the workers that are idle or already run it, at most the maximum. With 64 requests outstanding and
     * two workers, each runs 32 and answers its callers while the other computes, instead of one worker
     * running all 64 while the other waits; a backlog over the maximum still gets full batches.
     */
    private int targetRows(ModelRef model, ModelLoad load) {
        int max = maxBatchRows.applyAsInt(model);
        int sharing = Math.max(1, workers - busyWorkers + load.runningBatches);
        int outstanding = load.queuedRows + load.runningRows;
        return Math.max(1, Math.min(max, (outstanding + sharing - 1) / sharing));
    }

    /**
     * Moves requests for {@code model} into the batch in fair order while they fit, up to {@link #targetRows}.
     *
     * <p>While a tenant whose whole backlog fits in a quarter of the maximum (a light tenant) waits beside a
     * tenant with more, batches of the model are cut to that quarter. A light tenant no further in virtual
     * time than the first in fair order (one that just became backlogged joins at the others' virtual time)
     * goes first, in a batch of light tenants' requests only: it waits for at most the running batches and
     * then runs in a batch of its own rows, not in one filled up with the heavy tenant's. For a while after a
     * light tenant waited ({@link #LIGHT_ACTIVE_NANOS}), only one worker at a time runs a long batch of a
     * model whose full batches take long ({@link #LONG_BATCH_NANOS}) and the others short ones, so its next
     * request finds a worker free soon; the heavy tenant keeps most of its throughput, and a model whose full
     * batch is over in a moment keeps full batches. A tenant flooding alone still gets full batches.
     */
    private int take(ModelRef model, ModelLoad load, List<PendingRequest> batch, List<PendingRequest> expired) {
        long now = System.nanoTime();
        int max = targetRows(model, load);
        int maxRows = maxBatchRows.applyAsInt(model);
        int quarter = quarter(model);
        var queued = new ArrayList<TenantQueue>(2);
        boolean light = false;
        boolean heavy = false;
        TenantQueue first = null;
        for (TenantQueue t : tenants.values()) {
            ModelQueue q = t.models.get(model);
            if (q != null && q.size > 0) {
                queued.add(t);
                light |= q.rows <= quarter;
                heavy |= q.rows > quarter;
                if (first == null
                        || before(t, q.peek(), first, first.models.get(model).peek())) {
                    first = t;
                }
            }
        }
        if (light && heavy && quarter < maxRows) {
            load.lightSeen = true;
            load.lightSeenNanos = now;
            max = Math.min(quarter, max);
            double firstTime = first.virtualTime;
            if (queued.stream().anyMatch(t -> t.models.get(model).rows <= quarter && t.virtualTime <= firstTime)) {
                queued.removeIf(t -> t.models.get(model).rows > quarter);
            }
        } else if (quarter < maxRows
                && load.runningLong > 0
                && load.fullBatchNanos > LONG_BATCH_NANOS
                && load.lightSeen
                && now - load.lightSeenNanos < LIGHT_ACTIVE_NANOS) {
            // a light tenant was active a moment ago and another worker runs a long batch of the model: this one
            // runs a short batch, so that the light tenant's next request waits for a short batch, not two long ones
            max = Math.min(quarter, max);
        }
        int rows = 0;
        while (rows < max) {
            TenantQueue best = null;
            ModelQueue bestQueue = null;
            for (TenantQueue t : queued) {
                ModelQueue q = t.models.get(model);
                if (q.size == 0) {
                    continue;
                }
                if (best == null || before(t, q.peek(), best, bestQueue.peek())) {
                    best = t;
                    bestQueue = q;
                }
            }
            if (best == null) {
                return rows;
            }
            PendingRequest head = bestQueue.peek();
            if (!batch.isEmpty() && rows + head.rows() > max) {
                return rows;
            }
            bestQueue.poll();
            best.size--;
            load.queuedRows -= head.rows();
            if (head.expired(now)) {
                expired.add(head);
                continue;
            }
            best.virtualTime += head.rows() / best.weight;
            lastServedVirtualTime = best.virtualTime;
            batch.add(head);
            rows += head.rows();
        }
        return rows;
    }

    private int quarter(ModelRef model) {
        return Math.max(1, maxBatchRows.applyAsInt(model) / 4);
    }

    /** A worker finished its batch. */
    public void done(Batch batch) {
        done(batch, 0);
    }

    /** A worker finished its batch, which ran for {@code executionNanos} (0: not measured). */
    public void done(Batch batch, long executionNanos) {
        lock.lock();
        try {
            busyWorkers--;
            ModelLoad load = loads.get(batch.version().ref());
            load.runningRows -= batch.rows();
            load.runningBatches--;
            ModelRef model = batch.version().ref();
            if (batch.rows() > quarter(model)) {
                load.runningLong--;
                if (executionNanos > 0) {
                    double full = (double) executionNanos * maxBatchRows.applyAsInt(model) / batch.rows();
                    load.fullBatchNanos = load.fullBatchNanos == 0 ? full : 0.9 * load.fullBatchNanos + 0.1 * full;
                }
            }
            if (closed) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the workers: a model became ready or failed. */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every queued request for the version (its load failed). */
    public List<PendingRequest> removeAll(ModelRef model) {
        lock.lock();
        try {
            var removed = new ArrayList<PendingRequest>();
            for (TenantQueue t : tenants.values()) {
                ModelQueue q = t.models.get(model);
                PendingRequest r;
                while (q != null && (r = q.poll()) != null) {
                    t.size--;
                    removed.add(r);
                }
            }
            ModelLoad load = loads.get(model);
            if (load != null) {
                load.queuedRows = 0;
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    public void pause(boolean pause) {
        lock.lock();
        try {
            paused = pause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests; workers drain what is queued. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns everything still queued. */
    public List<PendingRequest> drain() {
        lock.lock();
        try {
            var all = new ArrayList<PendingRequest>();
            for (ModelRef model : versions.keySet()) {
                for (TenantQueue t : tenants.values()) {
                    ModelQueue q = t.models.get(model);
                    PendingRequest r;
                    while (q != null && (r = q.poll()) != null) {
                        t.size--;
                        all.add(r);
                    }
                }
            }
            loads.values().forEach(load -> load.queuedRows = 0);
            changed.signalAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    public List<QueueDepth> depths() {
        lock.lock();
        try {
            var depths = new ArrayList<QueueDepth>();
            tenants.values()
                    .forEach(t -> t.models.forEach((ref, q) -> {
                        if (q.size > 0) {
                            depths.add(new QueueDepth(t.tenant, ref, q.size));
                        }
                    }));
            return depths;
        } finally {
            lock.unlock();
        }
    }

    private int totalQueued() {
        int n = 0;
        for (TenantQueue t : tenants.values()) {
            n += t.size;
        }
        return n;
    }
}
