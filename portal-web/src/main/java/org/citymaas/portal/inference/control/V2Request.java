package org.citymaas.portal.inference.control;

import java.util.List;
import java.util.Optional;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * A parsed v2 inference request.
 *
 * @param id the request's {@code id}, if given
 * @param inputs the input tensors, in the order given
 * @param outputs the outputs asked for, empty for all
 */
public record V2Request(Optional<String> id, List<Tensor> inputs, List<String> outputs) {

    public V2Request {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Rows of the request (the first dimension of its inputs). */
    public int rows() {
        return inputs.isEmpty() ? 0 : inputs.get(0).rows();
    }
}
