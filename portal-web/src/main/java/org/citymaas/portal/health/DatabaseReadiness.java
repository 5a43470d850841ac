package org.citymaas.portal.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.citymaas.portal.configuration.DatabaseSetup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated, and only while PostgreSQL answers on the application's pool. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_S = 2;

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!DatabaseSetup.migrated()) {
            return response.down().withData("schema", "migrating").build();
        }
        try (var connection = dataSource.getConnection()) {
            return response.status(connection.isValid(TIMEOUT_S)).build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
