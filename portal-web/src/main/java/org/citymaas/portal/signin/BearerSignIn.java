package org.citymaas.portal.signin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.problems.Problems;
import org.citymaas.security.identity.boundary.AccessTokens;
import org.citymaas.security.identity.entity.InvalidAccessTokenException;

/**
 * API sign-in around the browser one, so that both give the container the same caller: a request
 * with {@code Authorization: Bearer} is checked offline and signed in for that request only; an
 * {@code /api/} request without one gets 401, never a redirect to Keycloak; everything else goes to
 * the OpenID Connect mechanism.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class BearerSignIn implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerSignIn.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism browserSignIn;

    @Inject
    SignInSettings settings;

    @Inject
    RefusedSignIns refusals;

    private AccessTokens verifier;

    @PostConstruct
    void createVerifier() {
        verifier = new AccessTokens(settings.getIssuer(), settings.getApiAudience());
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                var claims =
                        verifier.verify(authorization.substring(BEARER.length()).strip());
                var caller = claims.caller();
                request.setAttribute(CurrentCaller.REQUEST_ATTRIBUTE, caller);
                return context.notifyContainerAboutLogin(caller::name, claims.roleNames());
            } catch (InvalidAccessTokenException e) {
                LOG.log(Level.FINE, "Bearer token refused", e);
                audit(request, "invalid token", "invalid, expired or foreign token");
                return unauthorized(
                        response,
                        "invalid_token",
                        "The access token is invalid, expired or not meant" + " for this API.");
            }
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            if (context.isProtected()) {
                audit(request, "no token", "no access token");
            }
            return context.isProtected()
                    ? unauthorized(
                            response,
                            null,
                            "Sign-in required: send an OAuth 2.0 access token as" + " 'Authorization: Bearer <token>'.")
                    : context.doNothing();
        }
        return browserSignIn.validateRequest(request, response, context);
    }

    /** A refused API sign-in, audited (counted, and sampled) without the token itself. */
    private void audit(HttpServletRequest request, String reason, String why) {
        refusals.refused(
                reason,
                request.getRemoteAddr(),
                () -> AuditTrail.anonymous()
                        .action("api.signin")
                        .resource(AuditTrail.resourcePath(request.getRequestURI()
                                .substring(request.getContextPath().length())))
                        .outcome("DENIED", HttpServletResponse.SC_UNAUTHORIZED)
                        .clientAddress(request.getRemoteAddr())
                        .summary(request.getMethod() + ": " + why)
                        .build());
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String error, String detail) {
        response.setHeader("WWW-Authenticate", error == null ? "Bearer" : "Bearer error=\"" + error + "\"");
        try {
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the 401 answer", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
