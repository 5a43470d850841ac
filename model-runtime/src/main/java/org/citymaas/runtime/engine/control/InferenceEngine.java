package org.citymaas.runtime.engine.control;

import org.citymaas.runtime.catalog.entity.ModelVersion;

/** Loads model versions onto one device. */
public interface InferenceEngine {

    /** The device models run on, e.g. {@code cpu()} or {@code gpu(0)}. */
    String device();

    LoadedModel load(ModelVersion version);
}
