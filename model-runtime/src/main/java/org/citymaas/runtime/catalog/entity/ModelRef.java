package org.citymaas.runtime.catalog.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * A model name and, optionally, a version; without a version it means the model's default version.
 *
 * @param name the catalog name, e.g. {@code traffic-flow-forecast}
 * @param version the version, or {@code null} for the default one
 */
public record ModelRef(String name, String version) {

    public ModelRef {
        Objects.requireNonNull(name, "name");
    }

    public static ModelRef of(String name) {
        return new ModelRef(name, null);
    }

    public static ModelRef of(String name, String version) {
        return new ModelRef(name, version);
    }

    public Optional<String> optionalVersion() {
        return Optional.ofNullable(version);
    }

    @Override
    public String toString() {
        return version == null ? name : name + ":" + version;
    }
}
