package org.citymaas.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class ServerReadinessTest {

    private static HealthCheckResponse check(String name, Status status) {
        return new HealthCheckResponse(name, status, Optional.empty());
    }

    @Test
    void readyWhenEveryCheckIsUp() {
        assertThat(ServerReadiness.down(List.of(check("database", Status.UP), check("keycloak", Status.UP))))
                .isEmpty();
    }

    @Test
    void namesEveryCheckThatIsDown() {
        assertThat(ServerReadiness.down(List.of(
                        check("keycloak", Status.DOWN),
                        check("database", Status.UP),
                        check("database-2", Status.DOWN))))
                .containsExactly("database-2", "keycloak");
    }
}
