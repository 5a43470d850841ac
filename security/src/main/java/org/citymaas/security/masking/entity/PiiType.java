package org.citymaas.security.masking.entity;

/** The kinds of personal data the engine recognizes; the names are the wire names (CLI, audit). */
public enum PiiType {
    CN_ID_CARD,
    CN_MOBILE,
    CN_LANDLINE,
    EMAIL,
    BANK_CARD,
    CN_PLATE,
    CN_USCC,
    PASSPORT,
    IP_ADDRESS,
    PERSON_NAME;

    /** The text that replaces a redacted value, e.g. {@code [CN_MOBILE]}. */
    public String label() {
        return "[" + name() + "]";
    }
}
