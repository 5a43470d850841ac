package org.citymaas.security.provisioning.control;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/** keycloak-admin-client signed in as a confidential client of the realm (client credentials). */
public final class AdminConnection {

    private AdminConnection() {}

    /** A client of the admin API on the portal's own Jersey (see {@link JerseyKeycloakClientProvider}). */
    public static Keycloak open(String serverUrl, String realm, String clientId, String secret) {
        Keycloak.setClientProvider(new JerseyKeycloakClientProvider());
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realm)
                .clientId(clientId)
                .clientSecret(secret)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .build();
    }
}
