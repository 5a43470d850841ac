package org.citymaas.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The portal's API as the benchmark uses it, over plain HTTP/1.1 with {@code java.net.http}: a department's
 * service account ({@code transport-api}) for the measured calls, a platform admin for the quotas.
 */
final class PortalApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private volatile String token;

    PortalApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = newClient();
    }

    /** A client of its own per load cell: its connection pool grows to the cell's concurrency. */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The token the next requests carry (taken again before each cell: the demo realm's live 5 minutes). */
    void useToken(String token) {
        this.token = token;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    /** {@code GET /api/v2/health/live}: the status. */
    int live(HttpClient client) throws IOException, InterruptedException {
        return client.send(request("/api/v2/health/live").GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code POST /api/v2/models/{model}/infer}: the status. */
    int infer(HttpClient client, String model, String body) throws IOException, InterruptedException {
        var request = request("/api/v2/models/" + model + "/infer")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * {@code POST /api/v2/models/{model}/explain}: the status and the model rows the explanation ran (its
     * {@code rows_run}).
     */
    ExplainAnswer explain(HttpClient client, String model, String body) throws IOException, InterruptedException {
        var request = request("/api/v2/models/" + model + "/explain")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return ExplainAnswer.of(response.statusCode(), response.body());
    }

    /** The names of the models the caller's department is subscribed to ({@code GET /api/v2/models}). */
    List<String> subscribedModels() throws IOException, InterruptedException {
        var names = new ArrayList<String>();
        for (var model : getJson("/api/v2/models").path("models")) {
            names.add(model.isTextual() ? model.asText() : model.path("name").asText());
        }
        return names;
    }

    /** The model's input names, in the order of its metadata ({@code GET /api/v2/models/{model}}). */
    List<String> inputNames(String model) throws IOException, InterruptedException {
        var names = new ArrayList<String>();
        for (var input : getJson("/api/v2/models/" + model).path("inputs")) {
            names.add(input.path("name").asText());
        }
        return names;
    }

    /** The header of the model's batch template. */
    List<String> batchHeader(String model) throws IOException, InterruptedException {
        var text = get("/api/v1/models/" + model + "/batch-template").replace("\uFEFF", "");
        return List.of(text.lines().findFirst().orElseThrow().trim().split(","));
    }

    /** Sets the department's monthly limits for the model ({@code PUT /api/v1/tenants/{id}/quotas/{model}}). */
    void setQuota(String department, String model, long requests, long rows) throws IOException, InterruptedException {
        var body = JSON.writeValueAsString(Map.of("requests", requests, "rows", rows));
        var request = request("/api/v1/tenants/" + department + "/quotas/" + model)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        check(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** The department's quota of the model as {@code GET /api/v1/quotas} shows it. */
    String quota(String model) throws IOException, InterruptedException {
        for (var entry : getJson("/api/v1/quotas")) {
            if (model.equals(entry.path("model").asText())) {
                return entry.toString();
            }
        }
        return getJson("/api/v1/quotas").toString();
    }

    /** {@code POST /api/v1/models/{model}/batches}: the job's id. */
    String submitBatch(String model, String csv) throws IOException, InterruptedException {
        var request = request("/api/v1/models/" + model + "/batches?fileName=bench.csv")
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        return JSON.readTree(check(http.send(request, HttpResponse.BodyHandlers.ofString())))
                .path("id")
                .asText();
    }

    /** {@code GET /api/v1/batches/{id}}. */
    JsonNode batch(String id) throws IOException, InterruptedException {
        return getJson("/api/v1/batches/" + id);
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path));
    }

    private String get(String path) throws IOException, InterruptedException {
        return check(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
