package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Set;
import org.citymaas.portal.http.ErrorPages;

/**
 * The portal's error page: what an HTTP error status means, in the page's language, and that status on
 * the answer. The status is in the address ({@code ?status=404}), so that the language switch keeps it.
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Set<String> EXPLAINED = Set.of("400", "403", "404", "405", "500");

    private String status;
    private String reason;

    /**
     * Answers with the page's status: the container's error (ErrorPages forwards here with it), the one in the
     * address after a language switch, else 404 (the page was asked for directly).
     */
    public void load() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getRequestMap().get(ErrorPages.STATUS) instanceof Integer forwarded) {
            status = forwarded.toString();
        }
        if (status == null || !EXPLAINED.contains(status)) {
            status = "404";
        }
        if ("suspended".equals(external.getRequestMap().get(ErrorPages.REASON)) && status.equals("403")) {
            reason = "suspended";
        }
        external.setResponseStatus(Integer.parseInt(status));
    }

    /** The key of the page's title and text: {@code error.403}, or {@code error.403.suspended}. */
    public String getKey() {
        return "error." + status + (reason == null ? "" : "." + reason);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
