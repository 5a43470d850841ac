package org.citymaas.runtime.scheduler.control;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * The workers' side of {@link BatchQueue}: how many run a batch or sleep, when a queued request or a taken
 * batch wakes one, and how long an idle one waits. Waking a worker that has nothing to do yet costs a thread
 * wake-up; not waking one that should act costs latency.
 *
 * <p>Guarded by {@link BatchQueue}'s lock, whose condition it waits on and signals.
 */
final class WorkerSignals {

    private static final long MIN_POLL_NANOS = 100_000;

    private final Condition changed;
    private final int workers;
    private final long maxDelayNanos;
    private int busy;
    private int sleeping;

    /**
     * @param workers the worker threads taking batches
     * @param maxDelayNanos how long the oldest request of a batch may wait for more
     */
    WorkerSignals(ReentrantLock lock, int workers, long maxDelayNanos) {
        this.changed = lock.newCondition();
        this.workers = workers;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** Workers running a batch. */
    int busy() {
        return busy;
    }

    /**
     * A request was queued: wakes an idle worker only when it should act now: the runtime is idle, or a batch
     * is full and the thread queueing it is not a worker about to come back for it (a client resubmitting from
     * its completion). Idle workers watch the delay clock themselves while others are busy (see {@link
     * #await}), so the first request into an empty queue wakes nobody, unless the delay is too short to watch.
     *
     * @param firstRows whether no rows of its model were queued before
     * @param full whether the rows queued for its model fill a batch
     */
    void queued(boolean firstRows, boolean full) {
        if (busy == 0 || (firstRows && !idleWorkersPoll()) || (full && !BatchWorker.comingBackSoon())) {
            changed.signal();
        }
    }

    /**
     * A worker took a batch. Wakes an idle worker sleeping without a clock to start watching the delay when
     * this is the only busy one, or to take the rest of a split backlog when {@code restFillsABatch} (given the
     * busy workers now) says it is there.
     */
    void took(IntPredicate restFillsABatch) {
        if ((busy++ == 0 && sleeping > 0) || (busy < workers && restFillsABatch.test(busy))) {
            changed.signal();
        }
    }

    /** A worker finished its batch. */
    void done() {
        busy--;
    }

    /**
     * Waits for a change: at most {@code waitNanos}, or, for {@link Long#MAX_VALUE}, until signalled; while
     * other workers are busy an idle one looks again every maximum delay instead, because requests may then
     * arrive without waking anyone.
     */
    void await(long waitNanos, boolean closed) throws InterruptedException {
        if (waitNanos == Long.MAX_VALUE && busy > 0 && !closed && idleWorkersPoll()) {
            waitNanos = maxDelayNanos;
        }
        if (waitNanos == Long.MAX_VALUE) {
            sleeping++;
            try {
                changed.await();
            } finally {
                sleeping--;
            }
        } else {
            changed.awaitNanos(waitNanos);
        }
    }

    /** Wakes every worker. */
    void wakeAll() {
        changed.signalAll();
    }

    /**
     * Whether idle workers look at the queues every maximum delay while others are busy, instead of being
     * woken by the first request into an empty queue; not for delays so short that looking would spin.
     */
    private boolean idleWorkersPoll() {
        return maxDelayNanos >= MIN_POLL_NANOS;
    }
}
