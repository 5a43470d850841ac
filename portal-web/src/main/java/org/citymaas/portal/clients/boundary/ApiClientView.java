package org.citymaas.portal.clients.boundary;

import org.citymaas.security.provisioning.entity.DepartmentClient;

/** An API client as the API shows it (never its secret). */
public record ApiClientView(String clientId, String purpose, boolean enabled) {

    public static ApiClientView of(DepartmentClient client) {
        return new ApiClientView(client.clientId(), client.purpose(), client.enabled());
    }
}
