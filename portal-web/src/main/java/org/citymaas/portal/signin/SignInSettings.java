package org.citymaas.portal.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak settings of both sign-in ways, from MicroProfile Config (environment variables such as
 * CITYMAAS_OIDC_ISSUER override them). Named so the sign-in annotations can read it through EL.
 */
@Named("signInSettings")
@ApplicationScoped
public class SignInSettings {

    @Inject
    @ConfigProperty(name = "citymaas.oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "citymaas.oidc.client-id", defaultValue = "citymaas-portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "citymaas.oidc.client-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "citymaas.api.audience", defaultValue = "citymaas-api")
    String apiAudience;

    /** The realm URL, exactly as Keycloak writes it into tokens. */
    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The audience every API access token must carry. */
    public String getApiAudience() {
        return apiAudience;
    }
}
