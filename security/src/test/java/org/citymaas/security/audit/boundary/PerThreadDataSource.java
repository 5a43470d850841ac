package org.citymaas.security.audit.boundary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A stand-in for a container's connection pool: each thread gets its own physical connection, kept
 * open between uses ({@code close()} hands it back). Without it every {@code getConnection()} of the
 * plain PostgreSQL data source would open a new server process.
 */
public final class PerThreadDataSource implements AutoCloseable {

    private final DataSource target;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new ArrayList<>();

    public PerThreadDataSource(DataSource target) {
        this.target = target;
    }

    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return pooled(connection());
                    }
                    return invoke(target, method, args);
                });
    }

    private Connection connection() throws SQLException {
        var connection = connections.get();
        if (connection == null) {
            connection = target.getConnection();
            connections.set(connection);
            synchronized (opened) {
                opened.add(connection);
            }
        }
        return connection;
    }

    private static Connection pooled(Connection physical) {
        return (Connection) Proxy.newProxyInstance(
                PerThreadDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!physical.getAutoCommit()) {
                            physical.rollback();
                            physical.setAutoCommit(true);
                        }
                        return null;
                    }
                    return invoke(physical, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws SQLException {
        synchronized (opened) {
            for (var connection : opened) {
                connection.close();
            }
            opened.clear();
        }
    }
}
