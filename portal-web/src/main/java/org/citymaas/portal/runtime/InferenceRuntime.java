package org.citymaas.portal.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the catalog and the one {@link ModelRuntime} of this portal instance. {@code @Singleton}
 * (no client proxy): both classes are final. The runtime starts TensorFlow on first use.
 */
@ApplicationScoped
public class InferenceRuntime {

    private static final Logger LOG = Logger.getLogger(InferenceRuntime.class.getName());

    @Inject
    @ConfigProperty(name = "citymaas.runtime.catalog-cache")
    Optional<String> catalogCache;

    @Produces
    @Singleton
    Catalog catalog() {
        var dir = catalogCache
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "citymaas-catalog"));
        var catalog = Catalog.fromClasspath(dir);
        LOG.info(() -> "model catalog: " + catalog.modelNames() + " unpacked in " + dir);
        return catalog;
    }

    @Produces
    @Singleton
    ModelRuntime runtime(Catalog catalog) {
        return new ModelRuntime(catalog, RuntimeConfig.defaults());
    }

    void close(@Disposes ModelRuntime runtime) {
        runtime.close();
    }
}
