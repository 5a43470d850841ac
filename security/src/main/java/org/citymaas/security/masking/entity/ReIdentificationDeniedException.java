package org.citymaas.security.masking.entity;

/**
 * A re-identification was refused: the caller's roles do not allow it, no reason was given, or no
 * audit sink is there to record it. The refusal itself is still audited when a sink exists.
 */
public class ReIdentificationDeniedException extends MaskingException {

    public ReIdentificationDeniedException(String message) {
        super(message);
    }
}
