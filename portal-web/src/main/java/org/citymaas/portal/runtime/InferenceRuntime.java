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
import org.citymaas.runtime.explain.boundary.Explainer;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.repository.boundary.ModelRepository;
import org.eclipse.microprofile.config.Config;
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

    @Inject
    @ConfigProperty(name = "citymaas.models.directory", defaultValue = ".work/models")
    String modelsDirectory;

    /**
     * The model repository ({@code citymaas.models.directory}), seeded with the shipped catalog on first
     * start (unpacked from the WAR under {@code citymaas.runtime.catalog-cache} first).
     */
    @Produces
    @Singleton
    ModelRepository repository() {
        var cache = catalogCache
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "citymaas-catalog"));
        var root = Path.of(modelsDirectory).toAbsolutePath();
        var repository = ModelRepository.open(root, cache);
        LOG.info(() -> "model repository " + root + ": " + repository.catalog().modelNames());
        return repository;
    }

    /** The repository's versions, read again when a platform admin adds or retires one. */
    @Produces
    @Singleton
    Catalog catalog(ModelRepository repository) {
        return repository.catalog();
    }

    @Inject
    Config config;

    /**
     * The runtime, on the embedded TensorFlow engine; versions configured for an external OIP v2 engine
     * ({@link RemoteEngines}) are served there instead, through the same queues.
     */
    @Produces
    @Singleton
    ModelRuntime runtime(Catalog catalog) {
        var settings = RuntimeConfig.defaults();
        var remote = RemoteEngines.from(config);
        if (remote.isEmpty()) {
            return new ModelRuntime(catalog, settings);
        }
        LOG.info(() -> "model versions served by external engines: " + remote.values());
        return ModelRuntime.withRemoteEngines(catalog, settings, remote);
    }

    /** Explains answers of the versions whose card has an explanation method, on the same runtime. */
    @Produces
    @Singleton
    Explainer explainer(ModelRuntime runtime) {
        return new Explainer(runtime);
    }

    void close(@Disposes ModelRuntime runtime) {
        runtime.close();
    }
}
