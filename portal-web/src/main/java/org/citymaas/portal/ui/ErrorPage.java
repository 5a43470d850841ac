package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Set;

/**
 * The portal's error page: what an HTTP error status means, in the page's language, and that status on
 * the answer. The status is in the address ({@code ?status=404}), so that the language switch keeps it.
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Set<String> EXPLAINED = Set.of("400", "403", "404", "405", "500");

    private String status;

    /** Answers with the page's status: one it explains, else 404 (the page was asked for directly). */
    public void load() {
        if (status == null || !EXPLAINED.contains(status)) {
            status = "404";
        }
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(Integer.parseInt(status));
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
