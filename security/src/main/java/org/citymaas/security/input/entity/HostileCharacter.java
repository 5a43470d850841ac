package org.citymaas.security.input.entity;

/**
 * The first character of a text that breaks a {@link CharacterRule}.
 *
 * @param rule the rule it breaks
 * @param codePoint the character (for a lone surrogate, the surrogate itself)
 * @param index its position, in UTF-16 units from the start of the text
 */
public record HostileCharacter(CharacterRule rule, int codePoint, int index) {

    /** The English explanation with the character and its position, e.g. {@code ... (U+202E at position 4)}. */
    public String message() {
        return rule.message() + " (U+" + String.format("%04X", codePoint) + " at position " + (index + 1) + ")";
    }
}
