package org.citymaas.security.masking.control;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Recognizes one PII type at a given position. The scanner calls it only where one of its trigger
 * characters stands and no digit (for a digit) or ASCII letter or digit (for a letter) precedes it,
 * so digits inside a longer run of digits are never offered; the recognizer checks what follows.
 */
public interface Recognizer {

    PiiType type();

    /** Whether a match may start with this character. */
    boolean triggeredBy(char c);

    /** The end (exclusive) of a validated match starting at {@code start}, or -1. */
    int match(String text, int start);
}
