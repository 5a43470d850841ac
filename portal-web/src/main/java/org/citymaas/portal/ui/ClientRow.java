package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.clients.boundary.ApiClientView;

/** An API client as a table row; a JavaBean, since Faces' EL cannot read record components. */
public class ClientRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String clientId;
    private final String purpose;
    private final boolean enabled;

    public ClientRow(ApiClientView view) {
        this.clientId = view.clientId();
        this.purpose = view.purpose() == null ? "" : view.purpose();
        this.enabled = view.enabled();
    }

    public String getClientId() {
        return clientId;
    }

    public String getPurpose() {
        return purpose;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
