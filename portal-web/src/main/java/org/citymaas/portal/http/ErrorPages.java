package org.citymaas.portal.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.problems.Problems;

/**
 * Where web.xml sends every error the container answers (a status sent as an error, an exception nobody
 * caught): an API address gets problem+json, anything else the portal's error page in its own look. Neither
 * shows what failed: an exception is logged here, whole, and the person reads only what the status means.
 */
@WebServlet("/error/answer")
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    /** The request attribute that tells the error page which status it explains. */
    public static final String STATUS = "org.citymaas.portal.error.status";

    /** The request attribute that names a more precise reason for the status ({@code suspended} for a 403). */
    public static final String REASON = "org.citymaas.portal.error.reason";

    /** The statuses the error page explains; any other error is shown as a 500. */
    static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 500);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, not as the container's error page: there is nothing here
        var status = code == null ? 404 : status(code);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            LOG.log(
                    Level.SEVERE,
                    "uncaught failure of " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure);
            status = 500;
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (api(request.getContextPath(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            Problems.write(response, status, title(status), detail(status));
            return;
        }
        request.setAttribute(STATUS, EXPLAINED.contains(status) ? status : 500);
        request.getRequestDispatcher("/error/error.xhtml").forward(new Plain(request), response);
    }

    static int status(Object code) {
        return code instanceof Integer value && value >= 400 && value <= 599 ? value : 500;
    }

    static boolean api(String contextPath, Object requestUri) {
        return requestUri instanceof String uri
                && (uri.equals(contextPath + "/api") || uri.startsWith(contextPath + "/api/"));
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> status >= 500 ? "Internal error" : "Error";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 403 -> "Your roles do not allow this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this method.";
            default -> status >= 500 ? "Something went wrong on our side; it was logged." : "The request was refused.";
        };
    }

    /**
     * The failed request as a plain GET without its parameters, so that Faces renders the error page afresh
     * instead of taking a failed form's post for a postback of the error page.
     */
    static final class Plain extends HttpServletRequestWrapper {

        Plain(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }
    }
}
