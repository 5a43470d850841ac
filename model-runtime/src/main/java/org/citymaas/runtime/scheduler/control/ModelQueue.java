package org.citymaas.runtime.scheduler.control;

import java.util.ArrayDeque;
import java.util.List;
import org.citymaas.runtime.inference.entity.Priority;

/**
 * One tenant's requests for one model version: the higher priority first, first come first served inside a
 * priority. State of {@link WeightedFairQueues}, guarded by {@link BatchQueue}'s lock.
 */
final class ModelQueue {

    final List<ArrayDeque<PendingRequest>> byPriority =
            List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
    int size;
    int rows;

    void add(PendingRequest r) {
        byPriority.get(r.priority().ordinal()).addLast(r);
        size++;
        rows += r.rows();
    }

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
