package org.citymaas.runtime.explain.control;

import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;

/**
 * Whether a card's model can be explained: its {@code explanation} section names a known method, an output of the
 * model, and (exact Shapley) a baseline value for every explained input within its range, at most {@link
 * Coalitions#MAX_FEATURES} of them; (occlusion) a text model and a class probability output.
 */
public final class Explainability {

    private Explainability() {}

    /** Why a card's model cannot be explained, or {@code null} when it can. */
    public static String refusal(ModelCard card) {
        ExplanationSpec spec = card.explanation();
        if (spec == null) {
            return "the model " + card.ref() + " has no explanation section on its card";
        }
        if (!ExplanationSpec.EXACT_SHAPLEY.equals(spec.method()) && !ExplanationSpec.OCCLUSION.equals(spec.method())) {
            return "the explanation method of " + card.ref() + " is " + spec.method() + ", not "
                    + ExplanationSpec.EXACT_SHAPLEY + " or " + ExplanationSpec.OCCLUSION;
        }
        FieldSpec output = output(card);
        if (output == null) {
            return "the explanation of " + card.ref() + " names no output of the model (" + spec.output() + ")";
        }
        if (ExplanationSpec.OCCLUSION.equals(spec.method())) {
            if (card.textFeatures() == null) {
                return "occlusion explains text models only; " + card.ref() + " has no text input";
            }
            if (output.labels().isEmpty()) {
                return "occlusion explains class probabilities; output " + spec.output() + " has no labels";
            }
            return null;
        }
        try {
            Coalitions.of(card);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The output the card's explanation names, or {@code null}. */
    public static FieldSpec output(ModelCard card) {
        String name = card.explanation() == null ? null : card.explanation().output();
        return card.outputs().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
