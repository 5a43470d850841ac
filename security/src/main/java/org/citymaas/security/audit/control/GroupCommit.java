package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;

/**
 * Group commit for appends that run in their own transaction: callers arriving while a group is being
 * written queue up, and the next leader writes everything queued in one transaction on its own
 * connection. Every caller returns only after the transaction holding its events has committed, so
 * durability is unchanged; the chain lock is taken once per group instead of once per event, which
 * is what lets concurrent writers outrun the lock's round trips.
 */
public final class GroupCommit {

    private static final int MAX_GROUP_EVENTS = 2_000;

    private final EventAppender appender;
    private final Object monitor = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    public GroupCommit(EventAppender appender) {
        this.appender = appender;
    }

    /**
     * Appends {@code events} in order, possibly in one transaction with other callers' events.
     *
     * @param connection a connection in auto-commit mode, used if this caller leads a group
     */
    public List<ChainedEvent> append(Connection connection, List<AuditEvent> events) {
        var mine = new Pending(events);
        boolean leading = false;
        boolean interrupted = false;
        synchronized (monitor) {
            queue.add(mine);
            while (!mine.finished && writing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    // the events may already be in a group being written: wait for the verdict anyway
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
                    writeGroup(connection);
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
        if (mine.failure != null) {
            throw new AuditException(mine.failure.getMessage(), mine.failure);
        }
        return mine.chained;
    }

    private void writeGroup(Connection connection) {
        var group = new ArrayList<Pending>();
        var events = new ArrayList<AuditEvent>();
        synchronized (monitor) {
            while (!queue.isEmpty()
                    && (group.isEmpty() || events.size() + queue.peek().events.size() <= MAX_GROUP_EVENTS)) {
                var next = queue.poll();
                group.add(next);
                events.addAll(next.events);
            }
        }
        try {
            var chained = appender.append(connection, events);
            int from = 0;
            for (var pending : group) {
                pending.chained = chained.subList(from, from + pending.events.size());
                from += pending.events.size();
            }
        } catch (RuntimeException e) {
            group.forEach(p -> p.failure = e);
        }
        synchronized (monitor) {
            group.forEach(p -> p.finished = true);
            monitor.notifyAll();
        }
    }

    private static final class Pending {
        final List<AuditEvent> events;
        List<ChainedEvent> chained;
        RuntimeException failure;
        boolean finished;

        Pending(List<AuditEvent> events) {
            this.events = events;
        }
    }
}
