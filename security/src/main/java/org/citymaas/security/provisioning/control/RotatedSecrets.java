package org.citymaas.security.provisioning.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Keycloak's own client secret rotation (feature {@code client-secret-rotation}, a preview feature in Keycloak 26): a
 * realm client policy whose profile holds the {@code secret-rotation} executor makes "regenerate secret" keep the
 * secret before as the client's rotated secret (attributes {@code client.secret.rotated*}); the token endpoint accepts
 * it while {@code client.secret.rotated.expiration.time} (epoch seconds) has not passed, and {@code DELETE
 * .../client-secret/rotated} ends it. The realm's policy {@value #POLICY} applies to the clients marked with
 * {@value #MARK}; CityMaaS sets the rotated secret's expiration to the grace period the admin picked.
 */
public final class RotatedSecrets {

    /** The client attribute the realm's policy matches: a department's API client. */
    public static final String MARK = "citymaas.secret-rotation";

    public static final String MARK_VALUE = "grace-period";

    /** The realm's client policy (docker/keycloak/citymaas-realm.json). */
    public static final String POLICY = "citymaas-api-client-secrets";

    static final String ROTATED_CREATED = "client.secret.rotated.creation.time";
    static final String ROTATED_EXPIRES = "client.secret.rotated.expiration.time";

    private RotatedSecrets() {}

    public static boolean isMarked(ClientRepresentation client) {
        return client.getAttributes() != null
                && MARK_VALUE.equals(client.getAttributes().get(MARK));
    }

    public static void mark(ClientRepresentation client) {
        var attributes =
                client.getAttributes() == null ? new HashMap<String, String>() : new HashMap<>(client.getAttributes());
        attributes.put(MARK, MARK_VALUE);
        client.setAttributes(attributes);
    }

    /** When Keycloak kept the secret before as the rotated one (epoch seconds, its clock), if it holds one. */
    public static Optional<Long> rotatedAt(ClientRepresentation client) {
        return seconds(client.getAttributes(), ROTATED_CREATED);
    }

    /** Lets the rotated secret obtain tokens up to and including this second (epoch seconds). */
    public static void expireAt(ClientRepresentation client, long epochSecond) {
        var attributes = new HashMap<>(client.getAttributes());
        attributes.put(ROTATED_EXPIRES, Long.toString(epochSecond));
        client.setAttributes(attributes);
    }

    /**
     * The last second in which the rotated secret still obtains tokens, if it still does at {@code now}: Keycloak
     * refuses it once the expiration time is before the current second.
     */
    public static Optional<Instant> validUntil(ClientRepresentation client, Instant now) {
        if (rotatedAt(client).isEmpty()) {
            return Optional.empty();
        }
        return seconds(client.getAttributes(), ROTATED_EXPIRES)
                .map(Instant::ofEpochSecond)
                .filter(until -> until.getEpochSecond() >= now.getEpochSecond());
    }

    /** Whether the realm holds the enabled client policy that keeps rotated secrets. */
    public static boolean policyEnabled(RealmResource realm) {
        var policies = realm.clientPoliciesPoliciesResource().getPolicies(false).getPolicies();
        return policies != null
                && policies.stream().anyMatch(p -> POLICY.equals(p.getName()) && Boolean.TRUE.equals(p.isEnabled()));
    }

    private static Optional<Long> seconds(Map<String, String> attributes, String name) {
        if (attributes == null) {
            return Optional.empty();
        }
        var value = attributes.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
