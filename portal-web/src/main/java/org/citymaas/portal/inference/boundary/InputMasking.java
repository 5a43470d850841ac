package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.masking.boundary.Masking;
import org.citymaas.security.masking.entity.Sensitivity;

/**
 * Masks a request's text inputs by the model card before the model, the logs or the audit trail see
 * them: every BYTES input is scanned as free text ({@code mask} and {@code none}), {@code pseudonymize}
 * gives the department's token, and {@code drop} fields are pseudonymized here too (the runtime then
 * removes them before the model). Numbers pass unchanged.
 */
@ApplicationScoped
public class InputMasking {

    private static final int SUMMARY_CHARS = 500;

    @Inject
    Masking masking;

    /** For CDI. */
    public InputMasking() {}

    /** Without a container (tests of the controls that hand their inputs to it). */
    public InputMasking(Masking masking) {
        this.masking = masking;
    }

    /**
     * The masked inputs and a short masked summary for the audit event.
     *
     * @param inputs the tensors the runtime gets
     * @param summary rows and the masked text of the first row, for audit and logs
     */
    public record MaskedInputs(List<Tensor> inputs, String summary) {}

    public MaskedInputs mask(String department, ModelCard card, List<Tensor> inputs) {
        var masked = new ArrayList<Tensor>(inputs.size());
        var summary = new StringBuilder("rows=")
                .append(inputs.isEmpty() ? 0 : inputs.get(0).rows());
        for (var tensor : inputs) {
            if (tensor.datatype() != DataType.BYTES) {
                masked.add(tensor);
                continue;
            }
            var sensitivity = card.input(tensor.name())
                    .map(f -> f.sensitivity())
                    .orElse(org.citymaas.runtime.catalog.entity.Sensitivity.MASK);
            var policy = switch (sensitivity) {
                case PSEUDONYMIZE, DROP -> Sensitivity.PSEUDONYMIZE;
                case MASK, NONE -> Sensitivity.NONE;
            };
            var freeText = policy == Sensitivity.NONE ? Set.of(tensor.name()) : Set.<String>of();
            var values = tensor.strings();
            var out = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                var record = masking.maskRecord(
                        department, Map.of(tensor.name(), values[i]), Map.of(tensor.name(), policy), freeText);
                out[i] = String.valueOf(record.fields().get(tensor.name()));
            }
            masked.add(Tensor.bytes(tensor.name(), tensor.shape(), out));
            if (out.length > 0) {
                var first = out[0].length() > SUMMARY_CHARS ? out[0].substring(0, SUMMARY_CHARS) + "…" : out[0];
                summary.append(' ').append(tensor.name()).append('=').append(first);
            }
        }
        return new MaskedInputs(masked, summary.toString());
    }
}
