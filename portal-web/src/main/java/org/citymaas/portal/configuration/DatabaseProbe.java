package org.citymaas.portal.configuration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Asks the application's connection pool whether PostgreSQL answers: the readiness check's probe. */
@ApplicationScoped
public class DatabaseProbe {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    /**
     * Whether a pooled connection answers within the timeout.
     *
     * @throws Unreachable when no connection could be had, with the driver's message
     */
    public boolean reachable(int timeoutSeconds) {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            throw new Unreachable(e);
        }
    }

    /** No connection to the database could be had; its message is the driver's. */
    public static class Unreachable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreachable(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
