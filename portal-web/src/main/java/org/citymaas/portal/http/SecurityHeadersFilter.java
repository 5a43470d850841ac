package org.citymaas.portal.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts the {@link SecurityHeaders} on every answer the portal's code writes (pages, files, API, error pages)
 * and keeps the container's branding off it. An answer starts with the strict policy; a Faces page's
 * policy (PrimeFaces', with the page's script nonce) replaces it rather than adding a second one, since a
 * browser enforces every policy it is given.
 */
@WebFilter(
        filterName = "security-headers",
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        chain.doFilter(request, new Guarded(response));
    }

    /** The headers, on an answer not yet committed; also for code that answers before filters run. */
    public static void apply(HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        SecurityHeaders.FIXED.forEach(response::setHeader);
        if (!response.containsHeader(SecurityHeaders.CONTENT_SECURITY_POLICY)) {
            response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.STRICT_POLICY);
        }
    }

    /** A response on which a policy replaces the one before, and branding headers are dropped. */
    static final class Guarded extends HttpServletResponseWrapper {

        Guarded(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SecurityHeaders.CONTENT_SECURITY_POLICY.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else if (!SecurityHeaders.branding(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!SecurityHeaders.branding(name)) {
                super.setHeader(name, value);
            }
        }
    }
}
