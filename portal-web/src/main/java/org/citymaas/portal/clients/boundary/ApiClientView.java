package org.citymaas.portal.clients.boundary;

import java.time.Instant;
import org.citymaas.security.provisioning.entity.DepartmentClient;

/**
 * An API client as the API shows it (never its secret).
 *
 * @param oldSecretValidUntil the last second (UTC) in which the secret before the latest rotation still obtains tokens,
 *     or null (absent from the JSON) when no old secret does
 */
public record ApiClientView(String clientId, String purpose, boolean enabled, Instant oldSecretValidUntil) {

    public static ApiClientView of(DepartmentClient client) {
        return new ApiClientView(client.clientId(), client.purpose(), client.enabled(), client.oldSecretValidUntil());
    }
}
