package org.citymaas.runtime.inference.entity;

import java.util.List;
import java.util.NoSuchElementException;
import org.citymaas.runtime.catalog.entity.ModelRef;

/**
 * The answer to one request.
 *
 * @param model the model version that answered
 * @param outputs named output tensors, one row per input row
 * @param compute what it used
 */
public record InferenceResult(ModelRef model, List<Tensor> outputs, Compute compute) {

    public InferenceResult {
        outputs = List.copyOf(outputs);
    }

    public Tensor output(String name) {
        return outputs.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no output " + name));
    }
}
