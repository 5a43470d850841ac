package org.citymaas.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citymaas.portal.configuration.DatabaseProbe;
import org.citymaas.portal.configuration.DatabaseSetup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated, and only while PostgreSQL answers on the application's pool. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_S = 2;

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!DatabaseSetup.migrated()) {
            return response.down().withData("schema", "migrating").build();
        }
        try {
            return response.status(database.reachable(TIMEOUT_S)).build();
        } catch (DatabaseProbe.Unreachable e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
