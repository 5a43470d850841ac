package org.citymaas.security.input.entity;

/**
 * The character classes no text the portal takes may hold, each with the rule name an API answer
 * carries ({@code rule} of a field error) and the English text it shows.
 */
public enum CharacterRule {
    /** U+0000: PostgreSQL text cannot hold it, C code ends the string there. */
    NUL("nul-character", "must not contain the NUL character"),
    /** Half of a UTF-16 pair: it has no UTF-8 form, so it could not be stored or hashed as sent. */
    LONE_SURROGATE("lone-surrogate", "must not contain a lone UTF-16 surrogate"),
    /** C0 controls other than tab, line feed and carriage return, DEL and C1 controls: they rewrite terminals and logs. */
    CONTROL("control-character", "must not contain control characters (only tab and line breaks)"),
    /** U+202A-U+202E, U+2066-U+2069: they make text read in another order than it is stored (CVE-2021-42574). */
    BIDI_OVERRIDE("bidi-control", "must not contain bidirectional override or isolate characters");

    private final String rule;
    private final String message;

    CharacterRule(String rule, String message) {
        this.rule = rule;
        this.message = message;
    }

    /** The rule's name in an API error, e.g. {@code control-character}. */
    public String rule() {
        return rule;
    }

    /** What the text must not contain, in English. */
    public String message() {
        return message;
    }

    /** The key of the rule's message in the portal's message bundles. */
    public String messageKey() {
        return "citymaas.characters." + rule;
    }
}
