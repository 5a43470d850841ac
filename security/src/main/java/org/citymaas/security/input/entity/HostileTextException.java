package org.citymaas.security.input.entity;

import java.util.List;
import org.citymaas.security.errors.SecurityModuleException;

/**
 * Texts refused because they hold characters no text the portal takes may hold, each named by the
 * field it came in. Nothing ran and nothing was stored; the portal answers 400 naming each field and
 * rule.
 */
public class HostileTextException extends SecurityModuleException {

    private final List<HostileText> texts;

    public HostileTextException(List<HostileText> texts) {
        super(String.join("; ", texts.stream().map(HostileText::message).toList()));
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one text");
        }
        this.texts = List.copyOf(texts);
    }

    /** The refused texts, in the order they were checked. */
    public List<HostileText> texts() {
        return texts;
    }

    /**
     * One refused text.
     *
     * @param field the field it came in, e.g. {@code model}
     * @param label how a sentence names it, e.g. {@code the model name}
     * @param found its first hostile character
     */
    public record HostileText(String field, String label, HostileCharacter found) {

        /** E.g. {@code the model name must not contain bidirectional ... (U+202E at position 11)}. */
        public String message() {
            return label + " " + found.message();
        }
    }
}
