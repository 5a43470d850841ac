package org.citymaas.portal.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.citymaas.security.identity.entity.Caller;

/** The caller of the current request, whichever way it signed in. */
@RequestScoped
public class CurrentCaller {

    static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext securityContext;

    @Inject
    OpenIdContext openIdContext;

    private Caller caller;

    /** The signed-in caller, if any. */
    public Optional<Caller> find() {
        if (caller == null) {
            caller = resolve();
        }
        return Optional.ofNullable(caller);
    }

    /** The signed-in caller; only for code behind a sign-in constraint. */
    public Caller get() {
        return find().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    private Caller resolve() {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Caller bearer) {
            return bearer;
        }
        if (securityContext.getCallerPrincipal() == null) {
            return null;
        }
        return SessionTokens.claims(openIdContext).caller();
    }
}
