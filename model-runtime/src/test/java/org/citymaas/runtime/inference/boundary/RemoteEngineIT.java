package org.citymaas.runtime.inference.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.runtime.EngineUnavailableException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.engine.control.RemoteEngine;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.engine.control.TensorFlowEngine.DevicePreference;
import org.citymaas.runtime.engine.entity.RemoteEndpoint;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.ComplaintRoutingRecipe;
import org.citymaas.runtime.training.control.TrafficFlowRecipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog versions served by an external Open Inference Protocol v2 engine ({@link RemoteEngine}) through the whole
 * runtime (fair queues, batching), against an OIP v2 server started here. MLServer or KServe's model server would be the
 * natural peer, but this machine reaches no Python package registry; the server below is written from the protocol's
 * REST specification (its own JSON handling, nested output data as engines may send it) and runs the same SavedModels
 * on the real TensorFlow engine, so equal outputs show the client keeps names, shapes, types and row order.
 */
class RemoteEngineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelRef TRAFFIC = ModelRef.of(TrafficFlowRecipe.NAME, "1");
    private static final ModelRef COMPLAINTS = ModelRef.of(ComplaintRoutingRecipe.NAME, "1");
    private static final String TOKEN = "Bearer test-engine-token";

    @TempDir
    static Path cache;

    static Catalog catalog;
    static HttpServer server;
    static TensorFlowEngine tensorFlow;
    static final Map<String, LoadedModel> served = new java.util.concurrent.ConcurrentHashMap<>();
    static final AtomicInteger calls = new AtomicInteger();
    static volatile long delayMillis;

    @BeforeAll
    static void start() throws IOException {
        catalog = Catalog.fromClasspath(cache);
        tensorFlow = new TensorFlowEngine(DevicePreference.CPU);
        served.put("traffic-remote", tensorFlow.load(catalog.resolve(TRAFFIC)));
        served.put("complaints-remote", tensorFlow.load(catalog.resolve(COMPLAINTS)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/models/", RemoteEngineIT::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        served.values().forEach(LoadedModel::close);
    }

    /** {@code POST /v2/models/{name}/infer}: the protocol's REST inference, with a bearer token required. */
    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var name = path.substring("/v2/models/".length()).replaceAll("/infer$", "");
            var model = served.get(name);
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/infer") || model == null) {
                respond(exchange, 404, "{\"error\": \"no such model\"}");
                return;
            }
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\": \"unauthorized\"}");
                return;
            }
            calls.incrementAndGet();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            var body = JSON.readTree(exchange.getRequestBody());
            var inputs = new ArrayList<Tensor>();
            for (var input : body.get("inputs")) {
                inputs.add(tensor(input));
            }
            List<Tensor> outputs;
            try (var runner = model.newRunner()) {
                outputs = runner.run(inputs);
            }
            var answer = JSON.createObjectNode();
            answer.put("model_name", name);
            answer.put("id", body.path("id").asText());
            var array = answer.putArray("outputs");
            for (var output : outputs) {
                var node = array.addObject();
                node.put("name", output.name());
                node.put(
                        "datatype",
                        output.datatype() == DataType.FP32
                                ? "FP32"
                                : output.datatype().name());
                var shape = node.putArray("shape");
                for (long d : output.shape()) {
                    shape.add(d);
                }
                // nested by row, as some engines send it
                var data = node.putArray("data");
                int width = (int) (Tensor.elements(output.shape()) / output.shape()[0]);
                for (int row = 0; row < output.shape()[0]; row++) {
                    var values = data.addArray();
                    for (int i = row * width; i < (row + 1) * width; i++) {
                        switch (output.datatype()) {
                            case FP32 -> values.add(output.floats()[i]);
                            case INT64 -> values.add(output.longs()[i]);
                            case BYTES -> values.add(output.strings()[i]);
                        }
                    }
                }
            }
            respond(exchange, 200, JSON.writeValueAsString(answer));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Tensor tensor(JsonNode node) {
        var shapeNode = node.get("shape");
        var shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        var data = node.get("data");
        return switch (node.get("datatype").asText()) {
            case "FP32" -> {
                var values = new float[data.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) data.get(i).asDouble();
                }
                yield Tensor.fp32(node.get("name").asText(), shape, values);
            }
            case "INT64" -> {
                var values = new long[data.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = data.get(i).asLong();
                }
                yield Tensor.int64(node.get("name").asText(), shape, values);
            }
            default -> {
                var values = new String[data.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = data.get(i).asText();
                }
                yield Tensor.bytes(node.get("name").asText(), shape, values);
            }
        };
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static RemoteEndpoint endpoint(String model, Duration timeout, String token) {
        return new RemoteEndpoint(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                model,
                null,
                timeout,
                token == null ? null : "Authorization",
                token);
    }

    private static ModelRuntime runtime(Map<ModelRef, RemoteEndpoint> endpoints) {
        return new ModelRuntime(catalog, ModelRuntimeIT.config(), new RemoteEngine(endpoints, tensorFlow));
    }

    @Test
    void aRemoteVersionAnswersAsTheEmbeddedOneThroughTheRuntimesQueuesAndBatches() throws Exception {
        var traffic =
                Samples.of(new TrafficFlowRecipe(), catalog.resolve(TRAFFIC).card(), 64);
        var complaints = Samples.of(
                new ComplaintRoutingRecipe(), catalog.resolve(COMPLAINTS).card(), 16);
        var endpoints = Map.of(
                TRAFFIC, endpoint("traffic-remote", Duration.ofSeconds(10), TOKEN),
                COMPLAINTS, endpoint("complaints-remote", Duration.ofSeconds(10), TOKEN));
        var before = calls.get();
        try (var remote = runtime(endpoints);
                var embedded = new ModelRuntime(catalog, ModelRuntimeIT.config())) {
            var futures = new ArrayList<CompletableFuture<InferenceResult>>();
            for (int i = 0; i < 64; i++) {
                futures.add(remote.submit(request(i % 2 == 0 ? "transport" : "health", TRAFFIC, traffic.row(i))));
            }
            for (int i = 0; i < 64; i++) {
                var got = futures.get(i).get().output("vehicles_next_hour").floats();
                var want = embedded.infer(request("transport", TRAFFIC, traffic.row(i)))
                        .output("vehicles_next_hour")
                        .floats();
                assertThat(got[0]).as("row " + i).isCloseTo(want[0], within(1e-3f));
            }
            assertThat(calls.get() - before).as("batches sent, for 64 requests").isLessThan(64);

            var routed = remote.infer(request("hotline", COMPLAINTS, complaints.inputs(0, 16)));
            var expected = embedded.infer(request("hotline", COMPLAINTS, complaints.inputs(0, 16)));
            for (var output : expected.outputs()) {
                var got = routed.output(output.name());
                assertThat(got.shape()).as(output.name()).containsExactly(output.shape());
                assertThat(got.datatype()).isEqualTo(output.datatype());
                if (output.datatype() == DataType.FP32) {
                    for (int i = 0; i < output.floats().length; i++) {
                        assertThat(got.floats()[i]).isCloseTo(output.floats()[i], within(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void anEngineThatIsDownFailsTheRequestNamingIt() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var down = new RemoteEndpoint(
                URI.create("http://127.0.0.1:" + closedPort), "traffic-remote", "3", Duration.ofSeconds(5), null, null);
        var traffic =
                Samples.of(new TrafficFlowRecipe(), catalog.resolve(TRAFFIC).card(), 1);
        try (var runtime = runtime(Map.of(TRAFFIC, down))) {
            assertThatThrownBy(() -> runtime.infer(request("transport", TRAFFIC, traffic.row(0))))
                    .isInstanceOfSatisfying(EngineUnavailableException.class, e -> {
                        assertThat(e.timedOut()).isFalse();
                        assertThat(e.engine())
                                .contains("127.0.0.1:" + closedPort)
                                .contains("traffic-remote");
                        assertThat(e.getMessage()).contains("refused");
                    });
        }
    }

    @Test
    void aSlowEngineFailsAfterTheVersionsTimeoutAndAWrongTokenIsNotServed() throws Exception {
        var traffic =
                Samples.of(new TrafficFlowRecipe(), catalog.resolve(TRAFFIC).card(), 1);
        delayMillis = 2_000;
        try (var runtime = runtime(Map.of(TRAFFIC, endpoint("traffic-remote", Duration.ofMillis(300), TOKEN)))) {
            assertThatThrownBy(() -> runtime.infer(request("transport", TRAFFIC, traffic.row(0))))
                    .isInstanceOfSatisfying(
                            EngineUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue());
        } finally {
            delayMillis = 0;
        }
        try (var runtime =
                runtime(Map.of(TRAFFIC, endpoint("traffic-remote", Duration.ofSeconds(5), "Bearer wrong")))) {
            assertThatThrownBy(() -> runtime.infer(request("transport", TRAFFIC, traffic.row(0))))
                    .isInstanceOfSatisfying(EngineUnavailableException.class, e -> {
                        assertThat(e.getMessage()).contains("answered 401").doesNotContain("wrong");
                        assertThat(e.timedOut()).isFalse();
                    });
        }
    }

    private static org.citymaas.runtime.inference.entity.InferenceRequest request(
            String department, ModelRef model, List<Tensor> inputs) {
        return org.citymaas.runtime.inference.entity.InferenceRequest.of(ShareKey.of(department), model, inputs);
    }
}
