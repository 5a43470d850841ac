package org.citymaas.portal.errors;

import java.util.List;
import java.util.Map;

/**
 * A batch file refused as a whole before anything ran (400: not CSV, unknown or missing columns,
 * too many rows; 413: too large); each error names the column or line at fault.
 */
public class InvalidBatchException extends PortalException {

    private final List<Map<String, String>> errors;

    public InvalidBatchException(int status, String detail, List<Map<String, String>> errors) {
        super(status, status == 413 ? "Batch file too large" : "Invalid batch file", detail, Map.of("errors", errors));
        this.errors = List.copyOf(errors);
    }

    /** One error: the column (or {@code line N}, or {@code file}), a rule and a message. */
    public static Map<String, String> error(String field, String rule, String message) {
        return Map.of("field", field, "rule", rule, "message", message);
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
