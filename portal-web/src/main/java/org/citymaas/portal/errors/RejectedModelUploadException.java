package org.citymaas.portal.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model version upload refused by its checks (unsafe or too large archive, not a SavedModel, card schema,
 * sample inputs, held-out file or recomputed metrics): 400 (413 when too large) with the reason; nothing of
 * it was kept.
 */
public class RejectedModelUploadException extends PortalException {

    private final String reason;

    public RejectedModelUploadException(String reason, String detail) {
        this(reason, detail, Map.of());
    }

    /**
     * @param more further problem members (numbers and names, never file content), e.g. the metric that did
     *     not match and its declared and measured values
     */
    public RejectedModelUploadException(String reason, String detail, Map<String, Object> more) {
        super("too-large".equals(reason) ? 413 : 400, "Model upload refused", detail, members(reason, more));
        this.reason = reason;
    }

    private static Map<String, Object> members(String reason, Map<String, Object> more) {
        var all = new LinkedHashMap<String, Object>(more);
        all.put("reason", reason);
        return all;
    }

    public String reason() {
        return reason;
    }
}
