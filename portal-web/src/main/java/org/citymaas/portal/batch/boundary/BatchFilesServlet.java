package org.citymaas.portal.batch.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;

/**
 * The batch page's downloads for a signed-in browser (the API takes Bearer tokens only):
 * {@code /portal/batch-files/results?id=<job>} and {@code /portal/batch-files/template?name=<model>},
 * with the same rules as the API.
 */
@WebServlet("/portal/batch-files/*")
public class BatchFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BatchScoring scoring;

    @Inject
    transient CurrentCaller currentCaller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(Role.STAFF_NAME) && !request.isUserInRole(Role.TENANT_ADMIN_NAME)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        var caller = currentCaller.get();
        String csv;
        String fileName;
        try {
            if ("/results".equals(request.getPathInfo())) {
                var id = request.getParameter("id");
                csv = scoring.results(caller, id);
                fileName = "batch-" + id + "-results.csv";
            } else if ("/template".equals(request.getPathInfo())) {
                var name = request.getParameter("name");
                csv = scoring.template(caller, name);
                fileName = name + "-batch-template.csv";
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (PortalException e) {
            response.sendError(e.status(), e.getMessage());
            return;
        }
        response.setContentType(BatchesResource.CSV);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
    }
}
