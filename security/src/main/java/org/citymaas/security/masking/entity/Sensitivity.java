package org.citymaas.security.masking.entity;

import java.util.Locale;

/** A field's sensitivity as the model card declares it ({@code none | mask | pseudonymize | drop}). */
public enum Sensitivity {
    /** Passed through unchanged (still scanned when it is also a free-text field). */
    NONE,
    /** Masked in place, keeping its shape. */
    MASK,
    /** Replaced by a department-scoped token, so records can still be joined. */
    PSEUDONYMIZE,
    /** Removed from the record. */
    DROP;

    public static Sensitivity parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
