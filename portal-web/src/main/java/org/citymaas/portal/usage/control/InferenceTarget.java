package org.citymaas.portal.usage.control;

import java.util.Optional;

/**
 * The model (and version, when the caller named one) of an inference audit event, read from its
 * resource: {@code models/<name>} or {@code models/<name>/versions/<version>}.
 *
 * @param model the model's name
 * @param version the version named in the request, empty when the caller took the default
 */
public record InferenceTarget(String model, Optional<String> version) {

    private static final String MODELS = "models/";
    private static final String VERSIONS = "/versions/";

    public static InferenceTarget of(String resource) {
        var path = resource.startsWith(MODELS) ? resource.substring(MODELS.length()) : resource;
        var versions = path.indexOf(VERSIONS);
        if (versions < 0) {
            return new InferenceTarget(path, Optional.empty());
        }
        return new InferenceTarget(
                path.substring(0, versions), Optional.of(path.substring(versions + VERSIONS.length())));
    }
}
