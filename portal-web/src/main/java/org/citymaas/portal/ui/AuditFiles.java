package org.citymaas.portal.ui;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.citymaas.portal.audit.boundary.AuditDownloads;

/** Sends an auditor's download from a page, streamed as the API streams it (nothing held in memory). */
final class AuditFiles {

    private AuditFiles() {}

    /** Answers the current request with the file; the download was recorded when it was made. */
    static void send(AuditDownloads.Download file) throws IOException {
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/zip");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        file.body().write(external.getResponseOutputStream());
        external.getResponseOutputStream().flush();
        faces.responseComplete();
    }
}
