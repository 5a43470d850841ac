package org.citymaas.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** The inputs broke the model version's schema; nothing ran and nothing should be charged. */
public class InvalidInputException extends ModelRuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
