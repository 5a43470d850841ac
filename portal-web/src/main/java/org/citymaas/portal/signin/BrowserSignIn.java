package org.citymaas.portal.signin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import org.citymaas.security.identity.entity.Role;

/**
 * Browser sign-in: the OpenID Connect authorization-code flow against Keycloak, through Jakarta
 * Security's built-in mechanism. Tokens stay in the server-side session; the browser holds only the
 * session cookie. Signing out ends the Keycloak session too.
 *
 * <p>{@code redirectToOriginalResource} stays false: true fails on Faces pages (eclipse-ee4j/soteria#333);
 * {@link SignInCallbackServlet} sends the browser on instead.
 */
@ApplicationScoped
@DeclareRoles({Role.STAFF_NAME, Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.AUDITOR_NAME, Role.FINANCE_NAME})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${signInSettings.issuer}",
        clientId = "${signInSettings.clientId}",
        clientSecret = "${signInSettings.clientSecret}",
        redirectURI = "${baseURL}/signin/callback",
        redirectToOriginalResource = false,
        tokenAutoRefresh = true,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/index.xhtml"))
public class BrowserSignIn {}
