package org.citymaas.portal.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.citymaas.portal.signin.SignInSettings;

/**
 * The Faces pages' Content Security Policy for PrimeFaces' CSP mode ({@code primefaces.CSP_POLICY} in
 * web.xml reads it through EL), with the configured Keycloak as a place forms may lead to.
 */
@Named("pagePolicy")
@ApplicationScoped
public class PagePolicy {

    @Inject
    SignInSettings signIn;

    private String policy;

    public String getValue() {
        if (policy == null) {
            policy = SecurityHeaders.pagePolicy(signIn.getIssuer());
        }
        return policy;
    }
}
