package org.citymaas.portal.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.Set;

/**
 * Gives a browser caller its Keycloak realm roles. The OIDC mechanism reads groups only from a flat
 * top-level claim; Keycloak nests realm roles in {@code realm_access.roles}.
 */
@ApplicationScoped
public class RealmRolesIdentityStore implements IdentityStore {

    @Inject
    OpenIdContext openIdContext;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return SessionTokens.claims(openIdContext).roleNames();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }
}
