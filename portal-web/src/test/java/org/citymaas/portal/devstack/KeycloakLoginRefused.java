package org.citymaas.portal.devstack;

/** Keycloak's login form did not let a user in: wrong password, disabled or unknown user. */
public class KeycloakLoginRefused extends RuntimeException {

    public KeycloakLoginRefused(String message) {
        super(message);
    }
}
