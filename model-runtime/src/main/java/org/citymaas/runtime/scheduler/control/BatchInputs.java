package org.citymaas.runtime.scheduler.control;

import java.util.List;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.entity.Tensor;

/** Builds the model inputs of a batch from the inputs its requests queued, rows one after the other. */
@FunctionalInterface
public interface BatchInputs {

    /** Plain stacking: the queued inputs are already the model's inputs. */
    BatchInputs STACK = (version, requests) -> BatchAssembler.stack(requests);

    List<Tensor> stack(ModelVersion version, List<List<Tensor>> requests);
}
