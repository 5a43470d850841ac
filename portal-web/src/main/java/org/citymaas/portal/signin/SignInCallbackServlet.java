package org.citymaas.portal.signin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keycloak's redirect back to the portal. The OIDC mechanism has exchanged the code before this runs;
 * this sends the signed-in browser to its home page.
 */
@WebServlet("/signin/callback")
public class SignInCallbackServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var target = request.getUserPrincipal() != null ? "/portal/home.xhtml" : "/index.xhtml?signin=failed";
        response.sendRedirect(request.getContextPath() + target);
    }
}
