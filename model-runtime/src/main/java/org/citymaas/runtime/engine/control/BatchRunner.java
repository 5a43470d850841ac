package org.citymaas.runtime.engine.control;

import java.util.List;
import org.citymaas.runtime.inference.entity.Tensor;

/** Runs batches of named tensors through a model; used by one thread at a time. */
public interface BatchRunner extends AutoCloseable {

    List<Tensor> run(List<Tensor> inputs);

    @Override
    void close();
}
