package org.citymaas.portal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.junit.jupiter.api.Test;

class RemoteEnginesTest {

    private static Map<ModelRef, org.citymaas.runtime.engine.entity.RemoteEndpoint> read(Map<String, String> settings) {
        return RemoteEngines.from(settings.keySet(), name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void aVersionWithAnAddressIsServedThereWithItsSettings() {
        var endpoints = read(Map.of(
                "citymaas.engine.remote.traffic-flow-forecast.2.url", "https://kserve.gpu.city.example/",
                "citymaas.engine.remote.traffic-flow-forecast.2.model", "traffic",
                "citymaas.engine.remote.traffic-flow-forecast.2.version", "7",
                "citymaas.engine.remote.traffic-flow-forecast.2.timeout", "PT5S",
                "citymaas.engine.remote.traffic-flow-forecast.2.auth-header", "Authorization",
                "citymaas.engine.remote.traffic-flow-forecast.2.auth-value", "Bearer s3cret",
                "citymaas.models.directory", "/srv/models"));

        var endpoint = endpoints.get(ModelRef.of("traffic-flow-forecast", "2"));
        assertThat(endpoints).hasSize(1);
        assertThat(endpoint.inferUri())
                .isEqualTo(URI.create("https://kserve.gpu.city.example/v2/models/traffic/versions/7/infer"));
        assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(endpoint.authValue()).isEqualTo("Bearer s3cret");
        assertThat(endpoint.toString()).doesNotContain("s3cret");
    }

    @Test
    void theDefaultsAreTheCatalogNameTheEnginesVersionAndThirtySeconds() {
        var endpoint = read(Map.of("citymaas.engine.remote.health-risk.1.url", "http://mlserver:8080"))
                .get(ModelRef.of("health-risk", "1"));

        assertThat(endpoint.inferUri()).isEqualTo(URI.create("http://mlserver:8080/v2/models/health-risk/infer"));
        assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(endpoint.authHeader()).isNull();
    }

    @Test
    void incompleteSettingsStopTheStartWithAMessage() {
        assertThatThrownBy(() -> read(Map.of("citymaas.engine.remote.health-risk.url", "http://mlserver:8080")))
                .hasMessageContaining("name the catalog model and version");
        assertThatThrownBy(() -> read(Map.of(
                        "citymaas.engine.remote.health-risk.1.url", "http://mlserver:8080",
                        "citymaas.engine.remote.health-risk.1.auth-header", "Authorization")))
                .hasMessageContaining("both a name and a value");
        assertThatThrownBy(() -> read(Map.of("citymaas.engine.remote.health-risk.1.url", "ftp://mlserver")))
                .hasMessageContaining("http or https");
    }
}
