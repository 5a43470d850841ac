package org.citymaas.security.provisioning.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A department's API client: a confidential Keycloak client whose service account belongs to the department.
 *
 * @param clientId the client id, e.g. {@code transport-api}
 * @param name the client's name in Keycloak
 * @param purpose what it is for (Keycloak's description), or null
 * @param enabled whether Keycloak issues it tokens
 * @param oldSecretValidUntil the last second in which the secret before the latest rotation still obtains tokens
 *     (a grace period the admin chose), or null when no old secret obtains any
 */
public record DepartmentClient(
        String clientId, String name, String purpose, boolean enabled, Instant oldSecretValidUntil) {

    /** Until when the old secret still obtains tokens, if it does. */
    public Optional<Instant> oldSecretGrace() {
        return Optional.ofNullable(oldSecretValidUntil);
    }
}
