package org.citymaas.runtime.catalog.entity;

import java.nio.file.Path;

/**
 * A version in the catalog.
 *
 * @param card its model card
 * @param savedModel the TensorFlow SavedModel directory
 * @param defaultVersion whether it answers requests that name no version
 * @param sizeBytes bytes of the SavedModel on disk, the runtime's estimate of its memory cost
 */
public record ModelVersion(ModelCard card, Path savedModel, boolean defaultVersion, long sizeBytes) {

    public ModelRef ref() {
        return card.ref();
    }
}
