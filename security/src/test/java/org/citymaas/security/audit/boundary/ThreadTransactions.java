package org.citymaas.security.audit.boundary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A stand-in for the container's JTA connection sharing: between {@link #begin} and {@link #commit}
 * or {@link #rollback}, every {@code getConnection()} on this thread hands out the transaction's
 * connection (auto-commit off), and closing it does not end the transaction, as Payara does for the
 * portal's boundaries. Outside a transaction, the target's connections as they come.
 */
public final class ThreadTransactions {

    private final DataSource target;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    public ThreadTransactions(DataSource target) {
        this.target = target;
    }

    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        var open = transaction.get();
                        return open == null ? target.getConnection() : enlisted(open);
                    }
                    return invoke(target, method, args);
                });
    }

    public void begin() throws SQLException {
        if (transaction.get() != null) {
            throw new IllegalStateException("a transaction is open on this thread already");
        }
        var connection = target.getConnection();
        connection.setAutoCommit(false);
        transaction.set(connection);
    }

    public void commit() throws SQLException {
        end(true);
    }

    public void rollback() throws SQLException {
        end(false);
    }

    private void end(boolean commit) throws SQLException {
        var connection = transaction.get();
        if (connection == null) {
            throw new IllegalStateException("no transaction is open on this thread");
        }
        transaction.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        }
    }

    private static Connection enlisted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                ThreadTransactions.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(connection, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
