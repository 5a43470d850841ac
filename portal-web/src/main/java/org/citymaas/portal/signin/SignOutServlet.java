package org.citymaas.portal.signin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.citymaas.portal.audit.boundary.AuditTrail;

/**
 * Signs out: ends the portal session and, through Keycloak's end-session endpoint, the Keycloak one;
 * the audit log records who signed out (a request without a session signs nobody out and records nothing).
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        currentCaller
                .find()
                .ifPresent(caller -> audit.record(AuditTrail.by(caller)
                        .action("signout")
                        .resource("browser")
                        .outcome("OK", HttpServletResponse.SC_FOUND)
                        .clientAddress(request.getRemoteAddr())
                        .build()));
        request.logout();
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/index.xhtml");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        doPost(request, response);
    }
}
