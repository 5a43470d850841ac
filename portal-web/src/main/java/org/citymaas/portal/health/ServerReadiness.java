package org.citymaas.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The portal's readiness checks asked together, for the inference API's server-ready endpoint. */
@ApplicationScoped
public class ServerReadiness {

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    /** The names of the readiness checks that are down now, sorted; empty when the portal can serve. */
    public List<String> down() {
        return down(checks.stream().map(HealthCheck::call).toList());
    }

    static List<String> down(List<HealthCheckResponse> responses) {
        return responses.stream()
                .filter(r -> r.getStatus() != HealthCheckResponse.Status.UP)
                .map(HealthCheckResponse::getName)
                .sorted()
                .toList();
    }
}
