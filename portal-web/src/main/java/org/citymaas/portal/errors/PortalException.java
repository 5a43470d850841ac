package org.citymaas.portal.errors;

import java.util.Map;

/** The root of the portal's exceptions: each knows its HTTP status, a title and extra problem members. */
public class PortalException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public PortalException(int status, String title, String detail, Map<String, Object> extensions) {
        this(status, title, detail, extensions, null);
    }

    public PortalException(int status, String title, String detail, Map<String, Object> extensions, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
