package org.citymaas.portal.signin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.citymaas.portal.audit.boundary.AuditTrail;

/**
 * Keycloak's redirect back to the portal. The OIDC mechanism has exchanged the code before this runs;
 * this sends the signed-in browser on to the portal page that asked for the sign-in, or to its home page.
 *
 * <p>Soteria's own return to that page ({@code redirectToOriginalResource}) fails on Faces pages
 * (eclipse-ee4j/soteria#333), but its mechanism notes the page's URL in the session all the same; this reads
 * it there and redirects with a plain GET. Only a page under {@code /portal/} of this portal, on the host the
 * callback came to, is followed: never another host or path.
 */
@WebServlet("/signin/callback")
public class SignInCallbackServlet extends HttpServlet {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail audit;

    @Inject
    RefusedSignIns refusals;

    /** The session attribute in which Soteria's OpenID mechanism keeps the URL that asked for sign-in. */
    static final String ORIGINAL_REQUEST = "oidc.original.request";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            refusals.refused(
                    "browser",
                    request.getRemoteAddr(),
                    () -> AuditTrail.anonymous()
                            .action("signin")
                            .resource("browser")
                            .outcome("DENIED", HttpServletResponse.SC_FOUND)
                            .clientAddress(request.getRemoteAddr())
                            .summary("browser sign-in not completed")
                            .build());
            response.sendRedirect(request.getContextPath() + "/index.xhtml?signin=failed");
            return;
        }
        audit.record(AuditTrail.by(currentCaller.get())
                .action("signin")
                .resource("browser")
                .outcome("OK", HttpServletResponse.SC_FOUND)
                .clientAddress(request.getRemoteAddr())
                .build());
        var session = request.getSession(false);
        Object original = session == null ? null : session.getAttribute(ORIGINAL_REQUEST);
        if (session != null) {
            session.removeAttribute(ORIGINAL_REQUEST);
        }
        response.sendRedirect(target(
                original instanceof String url ? url : null,
                request.getRequestURL().toString(),
                request.getContextPath()));
    }

    /**
     * Where to go after signing in: the path and query of {@code original} when it is a page under {@code
     * <contextPath>/portal/} on the callback's scheme, host and port; else the home page.
     */
    static String target(String original, String callbackUrl, String contextPath) {
        String home = contextPath + "/portal/home.xhtml";
        if (original == null) {
            return home;
        }
        try {
            URI page = new URI(original).normalize();
            URI callback = new URI(callbackUrl);
            boolean sameOrigin = callback.getScheme() != null
                    && callback.getScheme().equalsIgnoreCase(page.getScheme())
                    && callback.getHost() != null
                    && callback.getHost().equalsIgnoreCase(page.getHost())
                    && callback.getPort() == page.getPort();
            String path = page.getRawPath();
            if (!sameOrigin || path == null || !path.startsWith(contextPath + "/portal/")) {
                return home;
            }
            return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
        } catch (URISyntaxException e) {
            return home;
        }
    }
}
