package org.citymaas.portal.problems;

import java.util.Map;
import org.citymaas.portal.errors.PortalException;

/**
 * An RFC 9457 problem detail, the body of every error answer of the API.
 *
 * @param type a URI naming the kind of problem
 * @param title a short, fixed summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time, for a person to read
 * @param extensions further members, such as the field at fault
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, Map.of());
    }

    /** One of the portal's own exceptions: each knows its status, title and extra members. */
    public static Problem of(PortalException e) {
        return new Problem("about:blank", e.title(), e.status(), e.getMessage(), e.extensions());
    }

    public Problem with(String member, Object value) {
        var more = new java.util.LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, more);
    }
}
