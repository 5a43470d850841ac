package org.citymaas.security.input.boundary;

import java.util.Optional;
import org.citymaas.security.input.entity.CharacterRule;
import org.citymaas.security.input.entity.HostileCharacter;
import org.citymaas.security.input.entity.HostileTextException.HostileText;

/**
 * Finds the first character of a text that no text the portal takes may hold: NUL, lone
 * surrogates, control characters other than tab and line breaks, and bidirectional overrides and
 * isolates. One pass over the chars, no allocation when the text is clean.
 */
public final class HostileCharacters {

    private HostileCharacters() {}

    /** The first hostile character of the text, or empty (also for null). */
    public static Optional<HostileCharacter> find(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(new HostileCharacter(CharacterRule.LONE_SURROGATE, c, i));
            }
            var rule = rule(c);
            if (rule != null) {
                return Optional.of(new HostileCharacter(rule, c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * The text as a field of a request, when it holds one: for a {@link
     * org.citymaas.security.input.entity.HostileTextException} that names the field.
     *
     * @param field the field's name in an API error, e.g. {@code model}
     * @param label how a sentence names it, e.g. {@code the model name}
     */
    public static Optional<HostileText> find(String field, String label, CharSequence text) {
        return find(text).map(found -> new HostileText(field, label, found));
    }

    /** Whether the text holds none of them. */
    public static boolean clean(CharSequence text) {
        return find(text).isEmpty();
    }

    private static CharacterRule rule(char c) {
        if (c == 0) {
            return CharacterRule.NUL;
        }
        if (Character.isLowSurrogate(c)) {
            return CharacterRule.LONE_SURROGATE;
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
            return CharacterRule.CONTROL;
        }
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
            return CharacterRule.BIDI_OVERRIDE;
        }
        return null;
    }
}
