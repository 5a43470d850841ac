package org.citymaas.portal.signin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.http.ErrorPages;
import org.citymaas.portal.http.SecurityHeadersFilter;
import org.citymaas.portal.problems.Problems;
import org.citymaas.portal.suspension.boundary.SuspendedDepartments;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.context.boundary.TenantContext;

/**
 * Puts the signed-in caller's department into the request's {@link TenantContext}: a caller with a
 * department acts for it; platform admins and auditors without one act across departments. A member or client of a
 * suspended department is refused here, at every request, whatever its token still says.
 */
@WebFilter(urlPatterns = "/*")
public class TenantContextFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The title of a suspended department's 403 answer. */
    public static final String SUSPENDED_TITLE = "Department suspended";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TenantContext tenantContext;

    @Inject
    SuspendedDepartments suspended;

    @Inject
    RefusedSignIns refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var caller = currentCaller.find();
        if (caller.isPresent()) {
            if (caller.get().department().isPresent()) {
                tenantContext.actFor(caller.get().tenant());
                if (suspended.isSuspended(caller.get().tenant()) && !exempt(request)) {
                    refuse(request, response, caller.get());
                    return;
                }
            } else if (caller.get().has(Role.PLATFORM_ADMIN) || caller.get().has(Role.AUDITOR)) {
                tenantContext.actPlatformWide();
            }
        }
        chain.doFilter(request, response);
    }

    /** Signing out and the pages' own files (styles, scripts, fonts) stay open to a suspended department. */
    private static boolean exempt(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/signout") || path.startsWith("/jakarta.faces.resource/");
    }

    /**
     * 403 "department suspended": problem+json under /api, the portal's error page saying so elsewhere. Audited like
     * a refused sign-in (counted, the first of each window recorded one by one).
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        refusals.refused(
                "department suspended",
                request.getRemoteAddr(),
                () -> AuditTrail.by(caller)
                        .action("department.suspended.refusal")
                        .resource(AuditTrail.resourcePath(path))
                        .outcome("DENIED", HttpServletResponse.SC_FORBIDDEN)
                        .clientAddress(request.getRemoteAddr())
                        .summary(request.getMethod() + ": department suspended")
                        .build());
        SecurityHeadersFilter.apply(response);
        if (path.equals("/api") || path.startsWith("/api/")) {
            Problems.write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    SUSPENDED_TITLE,
                    "department suspended: " + caller.tenant()
                            + " was suspended by a platform admin; its members and clients are refused until it is"
                            + " reactivated");
            return;
        }
        request.setAttribute(ErrorPages.REASON, "suspended");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
