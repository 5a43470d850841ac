package org.citymaas.portal.inference.entity;

import java.util.List;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The answer to one governed inference request.
 *
 * @param requestId the id it ran under (the caller's, the request's own, or generated)
 * @param model the model version that answered
 * @param card that version's card (output units, descriptions and class labels)
 * @param outputs the outputs asked for (all when none were named), in the model's order
 * @param compute what it used
 * @param retry whether it was a retry of a request id already charged: run again, not charged again
 */
public record InferenceOutcome(
        String requestId, ModelRef model, ModelCard card, List<Tensor> outputs, Compute compute, boolean retry) {

    public InferenceOutcome {
        outputs = List.copyOf(outputs);
    }

    /** The class names along the last dimension of a probability output, else empty. */
    public List<String> labels(String output) {
        return card.outputs().stream()
                .filter(f -> f.name().equals(output))
                .findFirst()
                .map(FieldSpec::labels)
                .orElse(List.of());
    }
}
