package org.citymaas.portal.errors;

import java.util.Map;

/**
 * A model version upload refused by its checks (unsafe or too large archive, not a SavedModel, card schema,
 * sample inputs): 400 (413 when too large) with the reason; nothing of it was kept.
 */
public class RejectedModelUploadException extends PortalException {

    private final String reason;

    public RejectedModelUploadException(String reason, String detail) {
        super("too-large".equals(reason) ? 413 : 400, "Model upload refused", detail, Map.of("reason", reason));
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
