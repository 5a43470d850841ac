package org.citymaas.runtime.engine.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.citymaas.runtime.EngineUnavailableException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.entity.RemoteEndpoint;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * Serves the catalog versions configured for it ({@link RemoteEndpoint}) on an external Open Inference Protocol v2
 * engine and every other version on the embedded one. The runtime around it is unchanged: it still queues each
 * department fairly and hands the engine whole batches; a batch becomes one {@code POST …/infer}. An engine that
 * does not answer in time, refuses the connection or answers with an error fails the batch with an {@link
 * EngineUnavailableException} naming it; nothing is retried here (the caller's request was not charged).
 */
public final class RemoteEngine implements InferenceEngine {

    private final Map<ModelRef, RemoteEndpoint> endpoints;
    private final InferenceEngine embedded;
    private final HttpClient client;

    public RemoteEngine(Map<ModelRef, RemoteEndpoint> endpoints, InferenceEngine embedded) {
        this.endpoints = Map.copyOf(endpoints);
        this.embedded = embedded;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String device() {
        return embedded.device();
    }

    @Override
    public LoadedModel load(ModelVersion version) {
        var endpoint = endpoints.get(version.ref());
        if (endpoint == null) {
            return embedded.load(version);
        }
        return new LoadedModel() {
            @Override
            public BatchRunner newRunner() {
                return new BatchRunner() {
                    @Override
                    public List<Tensor> run(List<Tensor> inputs) {
                        return infer(endpoint, inputs);
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public void close() {}
        };
    }

    /** Whether the version is served remotely. */
    public boolean remote(ModelRef ref) {
        return endpoints.containsKey(ref);
    }

    private List<Tensor> infer(RemoteEndpoint endpoint, List<Tensor> inputs) {
        var request = HttpRequest.newBuilder(endpoint.inferUri())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        OipV2Codec.request(UUID.randomUUID().toString(), inputs)));
        if (endpoint.authHeader() != null) {
            request.header(endpoint.authHeader(), endpoint.authValue());
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new EngineUnavailableException(
                    endpoint.label(),
                    true,
                    "the engine " + endpoint.label() + " did not answer within " + endpoint.timeout(),
                    e);
        } catch (ConnectException e) {
            throw new EngineUnavailableException(
                    endpoint.label(), false, "the engine " + endpoint.label() + " refused the connection", e);
        } catch (IOException e) {
            throw new EngineUnavailableException(
                    endpoint.label(), false, "the engine " + endpoint.label() + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException(
                    endpoint.label(), false, "interrupted while waiting for " + endpoint.label(), e);
        }
        if (answer.statusCode() != 200) {
            throw new EngineUnavailableException(
                    endpoint.label(),
                    false,
                    "the engine " + endpoint.label() + " answered " + answer.statusCode(),
                    null);
        }
        try {
            return OipV2Codec.outputs(answer.body());
        } catch (IllegalArgumentException e) {
            throw new EngineUnavailableException(
                    endpoint.label(), false, "the engine " + endpoint.label() + " answered: " + e.getMessage(), e);
        }
    }
}
