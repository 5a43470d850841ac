package org.citymaas.security.masking.entity;

import java.util.List;

/** A masked text and what was found in the original (spans index the original, not the masked text). */
public record MaskedText(String masked, List<Finding> findings) {

    public MaskedText {
        findings = List.copyOf(findings);
    }
}
