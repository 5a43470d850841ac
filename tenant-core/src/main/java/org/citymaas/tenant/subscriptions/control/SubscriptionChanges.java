package org.citymaas.tenant.subscriptions.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.citymaas.tenant.departments.entity.TenantId;
import org.postgresql.PGConnection;

/**
 * Tells every instance when a department's subscription changed: the change is announced with {@code pg_notify} in the
 * transaction that makes it (PostgreSQL delivers it only if that transaction commits, after it commits), and each
 * instance listens on one connection of its own. While the listening connection is down nothing can be trusted: the
 * cache is emptied and bypassed ({@link #listening()} is false) until the connection is back and listening again.
 */
public final class SubscriptionChanges {

    /** The channel; the payload is the department and the model, separated by a tab. */
    public static final String CHANNEL = "citymaas_subscription";

    /** Announces a change, in the caller's transaction: {@code SELECT pg_notify(CHANNEL, payload)}. */
    public static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";

    private static final Logger LOG = Logger.getLogger(SubscriptionChanges.class.getName());

    /** How long one wait for notifications lasts before the loop checks whether it should stop. */
    private static final int POLL_MILLIS = 500;

    /** How long to wait before listening again after the connection failed. */
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    private final Consumer<Optional<Change>> onChange;
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread thread;

    /** A change of one department's subscription to one model. */
    public record Change(TenantId tenant, String model) {

        /** The notification's payload. */
        public String payload() {
            return tenant.value() + "\t" + model;
        }

        static Optional<Change> parse(String payload) {
            int tab = payload == null ? -1 : payload.indexOf('\t');
            return tab <= 0
                    ? Optional.empty()
                    : Optional.of(new Change(new TenantId(payload.substring(0, tab)), payload.substring(tab + 1)));
        }
    }

    /**
     * @param onChange told of each change; {@code Optional.empty()} means "anything may have changed" (the listening
     *     connection was lost or a payload could not be read)
     */
    public SubscriptionChanges(DataSource dataSource, Consumer<Optional<Change>> onChange) {
        this.dataSource = dataSource;
        this.onChange = onChange;
    }

    /** Whether changes are being heard right now: only then may a cache answer. */
    public boolean listening() {
        return listening;
    }

    /** Starts listening on a thread of the factory (the container's managed thread factory in the portal). */
    public synchronized void start(ThreadFactory threads) {
        if (thread == null) {
            thread = threads.newThread(this::run);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops listening and closes the connection; waits for the thread for a moment. */
    public void stop() {
        stopped = true;
        listening = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!stopped) {
            try (var connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.log(
                            Level.WARNING,
                            "subscription changes: listening failed, the cache is bypassed until it is back",
                            e);
                }
            } finally {
                listening = false;
                onChange.accept(Optional.empty());
            }
            sleep();
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        var pg = connection.unwrap(PGConnection.class);
        // whatever changed before this moment was not heard: start from an empty cache
        onChange.accept(Optional.empty());
        listening = true;
        while (!stopped) {
            var notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (var notification : notifications) {
                    onChange.accept(Change.parse(notification.getParameter()));
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
