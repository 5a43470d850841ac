package org.citymaas.portal.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.engine.entity.RemoteEndpoint;
import org.eclipse.microprofile.config.Config;

/**
 * The catalog versions served by an external Open Inference Protocol v2 engine, from configuration (system properties
 * or environment variables, so that the credential comes from a Kubernetes Secret, never from the model card):
 *
 * <pre>
 * citymaas.engine.remote.&lt;model&gt;.&lt;version&gt;.url          the engine's base address (required)
 * citymaas.engine.remote.&lt;model&gt;.&lt;version&gt;.model        the model's name there (default: the catalog name)
 * citymaas.engine.remote.&lt;model&gt;.&lt;version&gt;.version      its version there (default: the engine's)
 * citymaas.engine.remote.&lt;model&gt;.&lt;version&gt;.timeout      ISO-8601 duration of one batch (default PT30S)
 * citymaas.engine.remote.&lt;model&gt;.&lt;version&gt;.auth-header  a header to send, e.g. Authorization
 * citymaas.engine.remote.&lt;model&gt;.&lt;version&gt;.auth-value   its value (a secret)
 * </pre>
 */
final class RemoteEngines {

    static final String PREFIX = "citymaas.engine.remote.";

    private RemoteEngines() {}

    /**
     * The configured endpoints by catalog version.
     *
     * @throws IllegalArgumentException a version's settings are incomplete or malformed (the portal does not start)
     */
    static Map<ModelRef, RemoteEndpoint> from(Config config) {
        return from(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    /** As {@link #from(Config)}, from the setting names and a look-up of their values. */
    static Map<ModelRef, RemoteEndpoint> from(Iterable<String> names, Function<String, Optional<String>> settings) {
        var versions = new TreeSet<String>();
        for (var name : names) {
            if (name.startsWith(PREFIX) && name.endsWith(".url")) {
                versions.add(name.substring(PREFIX.length(), name.length() - ".url".length()));
            }
        }
        var endpoints = new HashMap<ModelRef, RemoteEndpoint>();
        for (var key : versions) {
            int dot = key.lastIndexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException(PREFIX + key + ".url: name the catalog model and version, e.g. "
                        + PREFIX + "traffic-flow-forecast.2.url");
            }
            var model = key.substring(0, dot);
            var version = key.substring(dot + 1);
            var endpoint = new RemoteEndpoint(
                    URI.create(value(settings, key, "url").orElseThrow()),
                    value(settings, key, "model").orElse(model),
                    value(settings, key, "version").orElse(null),
                    Duration.parse(value(settings, key, "timeout").orElse("PT30S")),
                    value(settings, key, "auth-header").orElse(null),
                    value(settings, key, "auth-value").orElse(null));
            endpoints.put(ModelRef.of(model, version), endpoint);
        }
        return endpoints;
    }

    private static Optional<String> value(Function<String, Optional<String>> settings, String key, String setting) {
        return settings.apply(PREFIX + key + "." + setting).filter(v -> !v.isBlank());
    }
}
