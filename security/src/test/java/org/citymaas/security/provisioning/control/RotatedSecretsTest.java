package org.citymaas.security.provisioning.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

class RotatedSecretsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00.400Z");

    private static ClientRepresentation client(Map<String, String> attributes) {
        var client = new ClientRepresentation();
        client.setAttributes(attributes == null ? null : new HashMap<>(attributes));
        return client;
    }

    @Test
    void anOldSecretIsValidThroughItsExpirationSecondAsKeycloakCountsIt() {
        var rotated = client(Map.of(
                "client.secret.rotated.creation.time",
                "1796637590",
                "client.secret.rotated.expiration.time",
                Long.toString(NOW.getEpochSecond())));
        assertThat(RotatedSecrets.validUntil(rotated, NOW)).contains(Instant.ofEpochSecond(NOW.getEpochSecond()));
        assertThat(RotatedSecrets.validUntil(rotated, NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void noRotatedSecretOrNoExpirationMeansNoOldSecretIsValid() {
        assertThat(RotatedSecrets.validUntil(client(null), NOW)).isEmpty();
        assertThat(RotatedSecrets.validUntil(client(Map.of()), NOW)).isEmpty();
        // after Keycloak's "invalidate rotated secret" the creation time is gone even if an expiration lingered
        assertThat(RotatedSecrets.validUntil(
                        client(Map.of("client.secret.rotated.expiration.time", "1896637590")), NOW))
                .isEmpty();
        assertThat(RotatedSecrets.validUntil(client(Map.of("client.secret.rotated.creation.time", "1796637590")), NOW))
                .isEmpty();
        assertThat(RotatedSecrets.validUntil(
                        client(Map.of(
                                "client.secret.rotated.creation.time", "x",
                                "client.secret.rotated.expiration.time", "1896637590")),
                        NOW))
                .isEmpty();
    }

    @Test
    void theGraceIsCountedFromWhenKeycloakKeptTheOldSecret() {
        var rotated = client(Map.of("client.secret.rotated.creation.time", "1796637590", "other", "kept"));
        assertThat(RotatedSecrets.rotatedAt(rotated)).contains(1796637590L);
        RotatedSecrets.expireAt(rotated, 1796637590L + 3600);
        assertThat(rotated.getAttributes())
                .containsEntry("client.secret.rotated.expiration.time", "1796641190")
                .containsEntry("other", "kept");
    }

    @Test
    void aMarkedClientFallsUnderTheRealmsPolicy() {
        var client = client(null);
        assertThat(RotatedSecrets.isMarked(client)).isFalse();
        RotatedSecrets.mark(client);
        assertThat(RotatedSecrets.isMarked(client)).isTrue();
        assertThat(client.getAttributes()).containsEntry("citymaas.secret-rotation", "grace-period");
        assertThat(RealmParts.apiClient("x-api", "x-api", "x", "citymaas-api").getAttributes())
                .containsEntry("citymaas.secret-rotation", "grace-period");
    }
}
