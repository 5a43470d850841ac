package org.citymaas.runtime.inference.boundary;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.control.ModelInputs;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * A request {@link ModelRuntime#validate checked} against the signature of the version that will
 * answer it: {@link ModelRuntime#submit(ValidatedRequest)} queues it without checking it again. Only
 * the runtime makes one.
 */
public final class ValidatedRequest {

    private final InferenceRequest request;
    private final ModelVersion version;
    private final ModelInputs modelInputs;

    ValidatedRequest(InferenceRequest request, ModelVersion version, ModelInputs modelInputs) {
        this.request = Objects.requireNonNull(request, "request");
        this.version = Objects.requireNonNull(version, "version");
        this.modelInputs = Objects.requireNonNull(modelInputs, "modelInputs");
    }

    public InferenceRequest request() {
        return request;
    }

    /** The version that answers it (the default one when the request named none). */
    public ModelVersion version() {
        return version;
    }

    /** How the version's inputs are prepared for its SavedModel, looked up once with the version. */
    ModelInputs modelInputs() {
        return modelInputs;
    }

    public ModelCard card() {
        return version.card();
    }

    /** Its rows (the first dimension of every input). */
    public int rows() {
        return request.inputs().get(0).rows();
    }

    public ValidatedRequest withTimeout(Duration timeout) {
        return new ValidatedRequest(request.withTimeout(timeout), version, modelInputs);
    }

    /**
     * The same request with other text in its text inputs, element for element (the caller's masked
     * text or pseudonyms of what was validated): every input keeps its name, type and shape, and
     * numbers stay the validated ones, so the signature still holds without a second check.
     *
     * @throws IllegalArgumentException the inputs are not the validated ones with other text
     */
    public ValidatedRequest withText(List<Tensor> inputs) {
        var validated = request.inputs();
        if (inputs.size() != validated.size()) {
            throw new IllegalArgumentException(
                    "expected the " + validated.size() + " validated inputs, got " + inputs.size());
        }
        for (int i = 0; i < inputs.size(); i++) {
            var was = validated.get(i);
            var is = inputs.get(i);
            boolean sameText = is.datatype() == DataType.BYTES || is.data() == was.data();
            if (!is.name().equals(was.name())
                    || is.datatype() != was.datatype()
                    || !Arrays.equals(is.shape(), was.shape())
                    || !sameText) {
                throw new IllegalArgumentException(
                        "input " + i + " is " + is + ", not the validated " + was + " with other text");
            }
        }
        return new ValidatedRequest(
                new InferenceRequest(request.tenant(), request.model(), inputs, request.priority(), request.timeout()),
                version,
                modelInputs);
    }
}
