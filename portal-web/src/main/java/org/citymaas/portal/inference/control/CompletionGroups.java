package org.citymaas.portal.inference.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit of work that ends in a transaction of its own: callers arriving while a group is being
 * written queue up, and the next leader writes everything queued in one transaction (the {@code group}
 * function). Every caller returns only after the transaction holding its item committed. When the group
 * fails, nothing of it was written, and every caller of it writes its item alone ({@code alone}, on
 * its own thread), so that one bad item costs the others nothing but a retry. The pattern is security's
 * audit {@code GroupCommit}'s, for items that are more than audit events.
 *
 * @param <I> an item
 * @param <R> what writing it answered
 */
public final class CompletionGroups<I, R> {

    private final int maxGroup;
    private final Function<List<I>, List<R>> group;
    private final Function<I, R> alone;
    private final Object monitor = new Object();
    private final ArrayDeque<Pending<I, R>> queue = new ArrayDeque<>();
    private boolean writing;

    /**
     * @param maxGroup the most items in one transaction
     * @param group writes items in one transaction and answers for each, in order; throws when it
     *     rolled back
     * @param alone writes one item in a transaction of its own
     */
    public CompletionGroups(int maxGroup, Function<List<I>, List<R>> group, Function<I, R> alone) {
        this.maxGroup = maxGroup;
        this.group = group;
        this.alone = alone;
    }

    /** Writes the item, possibly with others' items; returns once its transaction committed. */
    public R write(I item) {
        var mine = new Pending<I, R>(item);
        boolean leading = false;
        boolean interrupted = false;
        synchronized (monitor) {
            queue.add(mine);
            while (!mine.finished && writing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    // the item may already be in a group being written: wait for the verdict anyway
                    interrupted = true;
                }
            }
            if (!mine.finished) {
                writing = true;
                leading = true;
            }
        }
        if (leading) {
            try {
                while (!mine.finished) {
                    writeGroup();
                }
            } finally {
                synchronized (monitor) {
                    writing = false;
                    monitor.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.groupFailed ? alone.apply(item) : mine.result;
    }

    private void writeGroup() {
        var items = new ArrayList<Pending<I, R>>();
        synchronized (monitor) {
            while (!queue.isEmpty() && items.size() < maxGroup) {
                items.add(queue.poll());
            }
        }
        try {
            var results = group.apply(items.stream().map(p -> p.item).toList());
            for (int i = 0; i < items.size(); i++) {
                items.get(i).result = results.get(i);
            }
        } catch (RuntimeException e) {
            items.forEach(p -> p.groupFailed = true);
        }
        synchronized (monitor) {
            items.forEach(p -> p.finished = true);
            monitor.notifyAll();
        }
    }

    private static final class Pending<I, R> {
        final I item;
        R result;
        boolean groupFailed;
        boolean finished;

        Pending(I item) {
            this.item = item;
        }
    }
}
