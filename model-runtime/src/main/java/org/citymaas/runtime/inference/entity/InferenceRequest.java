package org.citymaas.runtime.inference.entity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.citymaas.runtime.catalog.entity.ModelRef;

/**
 * What a department asks the runtime to run.
 *
 * @param tenant whose fair share it uses (the portal passes the department's id)
 * @param model the model and, optionally, the version ({@code null} version: the default one)
 * @param inputs named input tensors, all with the same number of rows
 * @param priority order inside the tenant's own queue
 * @param timeout how long it may wait and run; empty: the runtime's default
 */
public record InferenceRequest(
        ShareKey tenant, ModelRef model, List<Tensor> inputs, Priority priority, Optional<Duration> timeout) {

    public InferenceRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        priority = priority == null ? Priority.NORMAL : priority;
        timeout = timeout == null ? Optional.empty() : timeout;
    }

    public static InferenceRequest of(ShareKey tenant, ModelRef model, List<Tensor> inputs) {
        return new InferenceRequest(tenant, model, inputs, Priority.NORMAL, Optional.empty());
    }

    public InferenceRequest withPriority(Priority priority) {
        return new InferenceRequest(tenant, model, inputs, priority, timeout);
    }

    public InferenceRequest withTimeout(Duration timeout) {
        return new InferenceRequest(tenant, model, inputs, priority, Optional.of(timeout));
    }
}
