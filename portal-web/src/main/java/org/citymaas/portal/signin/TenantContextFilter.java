package org.citymaas.portal.signin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.context.boundary.TenantContext;

/**
 * Puts the signed-in caller's department into the request's {@link TenantContext}: a caller with a
 * department acts for it; platform admins and auditors without one act across departments.
 */
@WebFilter(urlPatterns = "/*")
public class TenantContextFilter extends HttpFilter {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TenantContext tenantContext;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        currentCaller.find().ifPresent(caller -> {
            if (caller.department().isPresent()) {
                tenantContext.actFor(caller.tenant());
            } else if (caller.has(Role.PLATFORM_ADMIN) || caller.has(Role.AUDITOR)) {
                tenantContext.actPlatformWide();
            }
        });
        chain.doFilter(request, response);
    }
}
