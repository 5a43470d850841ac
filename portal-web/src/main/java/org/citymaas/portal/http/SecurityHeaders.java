package org.citymaas.portal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The security headers of the portal's answers and the Content Security Policies they carry: a strict one
 * for everything that is not a page (API answers, files, redirects) and one for the Faces pages, which
 * PrimeFaces completes with the page's script nonce.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** Nothing may load, run or frame an API answer, a file or a redirect. */
    public static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** The headers every answer carries, besides its Content Security Policy. */
    public static final Map<String, String> FIXED = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    /** The container's branding, never sent. */
    static boolean branding(String header) {
        return "Server".equalsIgnoreCase(header) || "X-Powered-By".equalsIgnoreCase(header);
    }

    private SecurityHeaders() {}

    /**
     * The pages' policy, without the script nonce: PrimeFaces appends {@code 'nonce-…'} to it, so it ends
     * with {@code script-src}. Styles: the portal's and PrimeFaces' style sheets from the portal only, and
     * inline {@code style} attributes (PrimeFaces renders sizes and positions as attributes); no inline
     * {@code <style>} elements. Forms post to the portal, whose sign-out then goes on to Keycloak (browsers
     * apply {@code form-action} to a form's redirects too).
     *
     * @param issuer the Keycloak realm URL, e.g. {@code https://sso.city.example/realms/citymaas}
     */
    public static String pagePolicy(String issuer) {
        var keycloak = origin(issuer);
        return "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
                + (keycloak.isEmpty() ? "" : " " + keycloak)
                + "; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'";
    }

    /** The scheme, host and port of a URL ({@code https://sso.city.example:8443}), or "" when it has none. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            var uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            var scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return "";
            }
            return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
