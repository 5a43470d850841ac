package org.citymaas.portal.it;

import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;

/** Access tokens of the demo realm's callers, from the test stack's Keycloak. */
final class DemoTokens {

    private DemoTokens() {}

    /** The token of a demo department's service account, e.g. {@code transport-api}. */
    static String serviceToken(String department) {
        return TestStack.start()
                .keycloak()
                .clientCredentialsToken(
                        KeycloakDemoRealm.apiClient(department), KeycloakDemoRealm.apiSecret(department));
    }

    /** The token of a demo user, signed in through Keycloak's login form. */
    static String userToken(String username) {
        return TestStack.start().keycloak().userToken(username, KeycloakDemoRealm.password(username));
    }
}
