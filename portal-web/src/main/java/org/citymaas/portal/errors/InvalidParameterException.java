package org.citymaas.portal.errors;

import java.util.List;
import java.util.Map;

/** A query parameter that cannot be (a month that is no month, a limit out of range): 400, naming it. */
public class InvalidParameterException extends PortalException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(
                400,
                "Invalid input",
                parameter + ": " + message,
                Map.of("errors", List.of(Map.of("field", parameter, "message", message))));
        this.parameter = parameter;
    }

    /** The parameter at fault, e.g. {@code month}. */
    public String parameter() {
        return parameter;
    }
}
