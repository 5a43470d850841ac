package org.citymaas.runtime.engine.entity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a catalog model version is served when an external Open Inference Protocol v2 engine (KServe, Triton,
 * MLServer) runs it instead of the embedded one. Comes from configuration, never from the model card, so that the
 * credential stays with the operators.
 *
 * @param base the engine's base address, e.g. {@code https://kserve.gpu.city.example}
 * @param model the model's name there
 * @param version its version there, or null for the engine's default
 * @param timeout how long one batch may take there
 * @param authHeader a header to send (e.g. {@code Authorization}), or null
 * @param authValue its value (a secret), or null
 */
public record RemoteEndpoint(
        URI base, String model, String version, Duration timeout, String authHeader, String authValue) {

    public RemoteEndpoint {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("a remote engine's address is http or https: " + base);
        }
        if ((authHeader == null) != (authValue == null)) {
            throw new IllegalArgumentException("a remote engine's auth header needs both a name and a value");
        }
    }

    /** The OIP v2 infer address: {@code {base}/v2/models/{model}[/versions/{version}]/infer}. */
    public URI inferUri() {
        var root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/v2/models/" + model + (version == null ? "" : "/versions/" + version) + "/infer");
    }

    /** How the engine is named in messages and logs: its address and model, never the credential. */
    public String label() {
        return base + " (model " + model + (version == null ? "" : " version " + version) + ")";
    }

    @Override
    public String toString() {
        return "RemoteEndpoint[" + label() + (authHeader == null ? "" : ", " + authHeader + ": ***") + "]";
    }
}
