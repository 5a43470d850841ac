package org.citymaas.security.masking.control;

import org.citymaas.security.masking.entity.Finding;

/**
 * Masks one value as a whole, for fields whose every value is personal data (a citizen's id, a phone
 * number), where {@link TextMasker} scans free text for what it holds. Which fields get which
 * treatment is the caller's to decide: the portal reads it from the model card.
 */
public final class ValueMasker {

    private final TextMasker texts;

    public ValueMasker(TextMasker texts) {
        this.texts = texts;
    }

    /** The value masked keeping its shape: by its type when it is exactly one PII value, else every letter and digit. */
    public String maskWhole(String value) {
        var whole = wholeValue(value);
        return whole == null ? PartialMask.all(value) : PartialMask.apply(whole.type(), value);
    }

    /**
     * A department-scoped token for the value, so that records can still be joined: typed ({@code
     * [CN_ID_CARD:...]}) when the value is exactly one PII value, else {@code [VALUE:...]}.
     */
    public String pseudonymize(String department, String value) {
        var whole = wholeValue(value);
        return whole == null
                ? texts.pseudonymizer().token(department, "VALUE", value.strip())
                : texts.pseudonymizer().token(department, whole.type(), value);
    }

    /** The finding when the value is exactly one recognized PII value, else null. */
    private Finding wholeValue(String value) {
        var found = texts.scan(value);
        return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == value.length()
                ? found.get(0)
                : null;
    }
}
