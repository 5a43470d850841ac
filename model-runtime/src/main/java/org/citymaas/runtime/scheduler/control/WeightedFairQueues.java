package org.citymaas.runtime.scheduler.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.scheduler.entity.QueueDepth;

/**
 * Bounded per-tenant, per-model queues and the fair order between tenants: weighted fair queuing.
 *
 * <p>Every tenant has a virtual time: the rows it was served divided by its weight. The next request
 * comes from the backlogged tenant with the smallest virtual time, so over any busy period each tenant
 * gets rows in proportion to its weight, however many requests another tenant queues. A tenant that
 * becomes backlogged starts at the smallest virtual time of the others: idling earns no credit. Between
 * tenants at the same virtual time the higher priority goes first, then the older request; inside a
 * tenant's queue for a model, the higher priority, then the older request.
 *
 * <p>Not thread-safe: {@link BatchQueue} calls it under its lock. The queues are {@link TenantQueue}s of
 * {@link ModelQueue}s.
 */
final class WeightedFairQueues {

    private final Map<ShareKey, TenantQueue> tenants = new HashMap<>();
    private final Map<ModelRef, ModelVersion> versions = new HashMap<>();
    private final Map<ShareKey, Double> weights;
    private final double defaultWeight;
    private final int capacity;
    private double lastServedVirtualTime;

    /**
     * @param weights weight per tenant; others get {@code defaultWeight}
     * @param capacity requests one tenant may queue for one model version
     */
    WeightedFairQueues(Map<ShareKey, Double> weights, double defaultWeight, int capacity) {
        this.weights = Map.copyOf(weights);
        this.defaultWeight = defaultWeight;
        this.capacity = capacity;
    }

    /** Queues the request, or throws at once when its tenant's queue for the model is full. */
    void add(PendingRequest request) {
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
        q.add(request);
        t.size++;
        versions.putIfAbsent(ref, request.version());
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

    /** The version queued under the ref. */
    ModelVersion version(ModelRef model) {
        return versions.get(model);
    }

    /**
     * The model of the first request in fair order among the models {@code ready} accepts; {@code null} when
     * there is none. {@code ready} is asked once for every queue holding requests.
     */
    ModelRef first(Predicate<ModelRef> ready) {
        TenantQueue best = null;
        PendingRequest bestHead = null;
        for (TenantQueue t : tenants.values()) {
            if (t.size == 0) {
                continue;
            }
            for (var e : t.models.entrySet()) {
                if (e.getValue().size == 0 || !ready.test(e.getKey())) {
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

    /** When the oldest request queued for the model arrived ({@link System#nanoTime()}). */
    long oldestQueued(ModelRef model) {
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

    /** The tenants with requests queued for the model: the candidates for its next batch. */
    List<TenantQueue> backlogged(ModelRef model) {
        var queued = new ArrayList<TenantQueue>(2);
        for (TenantQueue t : tenants.values()) {
            ModelQueue q = t.models.get(model);
            if (q != null && q.size > 0) {
                queued.add(t);
            }
        }
        return queued;
    }

    /** The candidate whose request for the model comes first in fair order. */
    static TenantQueue first(List<TenantQueue> candidates, ModelRef model) {
        TenantQueue first = null;
        for (TenantQueue t : candidates) {
            if (first == null
                    || before(
                            t,
                            t.models.get(model).peek(),
                            first,
                            first.models.get(model).peek())) {
                first = t;
            }
        }
        return first;
    }

    /**
     * Moves the candidates' requests for the model into {@code batch} in fair order while they fit in {@code
     * maxRows} (the first always does), charging each its tenant's virtual time; requests whose deadline passed
     * go to {@code expired} instead, uncharged. Returns the rows moved into the batch.
     */
    int fill(
            ModelRef model,
            List<TenantQueue> candidates,
            int maxRows,
            long now,
            List<PendingRequest> batch,
            List<PendingRequest> expired) {
        int rows = 0;
        while (rows < maxRows) {
            TenantQueue best = null;
            ModelQueue bestQueue = null;
            for (TenantQueue t : candidates) {
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
            if (!batch.isEmpty() && rows + head.rows() > maxRows) {
                return rows;
            }
            bestQueue.poll();
            best.size--;
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

    /** Removes and returns every request queued for the model. */
    List<PendingRequest> removeAll(ModelRef model) {
        var removed = new ArrayList<PendingRequest>();
        for (TenantQueue t : tenants.values()) {
            ModelQueue q = t.models.get(model);
            PendingRequest r;
            while (q != null && (r = q.poll()) != null) {
                t.size--;
                removed.add(r);
            }
        }
        return removed;
    }

    /** Removes and returns everything queued, model by model. */
    List<PendingRequest> removeAll() {
        var all = new ArrayList<PendingRequest>();
        for (ModelRef model : versions.keySet()) {
            all.addAll(removeAll(model));
        }
        return all;
    }

    List<QueueDepth> depths() {
        var depths = new ArrayList<QueueDepth>();
        tenants.values()
                .forEach(t -> t.models.forEach((ref, q) -> {
                    if (q.size > 0) {
                        depths.add(new QueueDepth(t.tenant, ref, q.size));
                    }
                }));
        return depths;
    }

    /** Requests queued, all tenants and models together. */
    int size() {
        int n = 0;
        for (TenantQueue t : tenants.values()) {
            n += t.size;
        }
        return n;
    }
}
