package org.citymaas.portal.ui;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.citymaas.portal.clients.boundary.ApiClientView;
import org.citymaas.portal.clients.boundary.GracePeriod;

/**
 * An API client as a table row; a JavaBean, since Faces' EL cannot read record components. It carries the grace
 * period chosen for its next rotation; times in Asia/Shanghai.
 */
public class ClientRow implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final String clientId;
    private final String purpose;
    private final boolean enabled;
    private final String oldSecretValidUntil;
    private String grace = GracePeriod.NONE.toString();

    public ClientRow(ApiClientView view) {
        this.clientId = view.clientId();
        this.purpose = view.purpose() == null ? "" : view.purpose();
        this.enabled = view.enabled();
        this.oldSecretValidUntil =
                view.oldSecretValidUntil() == null ? "" : CITY_TIME.format(view.oldSecretValidUntil());
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

    /** Whether the secret before the latest rotation still obtains tokens (a grace period). */
    public boolean isOldSecretValid() {
        return !oldSecretValidUntil.isEmpty();
    }

    /** Until when (Asia/Shanghai) the old secret obtains tokens, or empty. */
    public String getOldSecretValidUntil() {
        return oldSecretValidUntil;
    }

    /** The grace period for the old secret at the next rotation, ISO-8601 ({@code PT0S}: none). */
    public String getGrace() {
        return grace;
    }

    public void setGrace(String grace) {
        this.grace = grace;
    }
}
