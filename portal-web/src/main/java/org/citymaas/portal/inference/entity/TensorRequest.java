package org.citymaas.portal.inference.entity;

import java.util.List;
import java.util.Optional;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * What a caller asks a model, typed: read from a v2 body at the API, from a form or a CSV line by
 * the pages and batch jobs.
 *
 * @param id the request's own id (a v2 body's {@code id}), if given
 * @param inputs the input tensors, in the order given
 * @param outputs the outputs asked for, empty for all
 */
public record TensorRequest(Optional<String> id, List<Tensor> inputs, List<String> outputs) {

    public TensorRequest {
        id = id == null ? Optional.empty() : id;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Every output, no id of its own. */
    public static TensorRequest of(List<Tensor> inputs) {
        return new TensorRequest(Optional.empty(), inputs, List.of());
    }

    /**
     * Checks that the model has every output it asks for.
     *
     * @throws InvalidInputException naming each output the model does not have
     */
    public void requireOutputsOf(ModelCard card) {
        var unknown = outputs.stream()
                .filter(name -> card.outputs().stream().noneMatch(f -> f.name().equals(name)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown.stream()
                    .map(o -> new FieldViolation(o, "unknown", "the model has no output '" + o + "'"))
                    .toList());
        }
    }

    /** Of the outputs a model gave, those this request asks for (all when it names none), in the model's order. */
    public List<Tensor> wanted(List<Tensor> outputs) {
        return outputs.stream()
                .filter(t -> this.outputs.isEmpty() || this.outputs.contains(t.name()))
                .toList();
    }

    /** Rows of the request (the first dimension of its inputs). */
    public int rows() {
        return inputs.isEmpty() ? 0 : inputs.get(0).rows();
    }
}
