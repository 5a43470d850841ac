package org.citymaas.portal.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the tests: JSON in, JSON out, optional Bearer token. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as browsers speak it over plain HTTP: the JDK client's h2c upgrade ends in Grizzly resetting the
    // stream (RST_STREAM, or a 431) once a connection has carried long addresses or tokens
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}

    record Answer(int status, String contentType, String body, HttpHeaders headers) {

        /** A response header's first value, or "" when there is none. */
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static Answer get(String url, String token) {
        return send(request(url, token).GET());
    }

    /** A GET that asks for one media type, e.g. {@code text/csv}. */
    static Answer get(String url, String token, String accept) {
        return send(request(url, token).setHeader("Accept", accept).GET());
    }

    /** A GET with further headers and no token (e.g. a browser session's cookie), any media type. */
    static Answer getWith(String url, Map<String, String> headers) {
        var request = request(url, null).setHeader("Accept", "*/*").GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET that takes any media type (a PEM key, a file). */
    static Answer getAny(String url, String token) {
        return send(request(url, token).setHeader("Accept", "*/*").GET());
    }

    /** A GET of a file's exact bytes (a PDF, a signed export), any media type. */
    static byte[] bytes(String url, String token) {
        try {
            var response = CLIENT.send(
                    request(url, token).setHeader("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        url + " answered " + response.statusCode() + ": " + new String(response.body(), UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer post(String url, String token, String json) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Answer post(String url, String token, String json, Map<String, String> headers) {
        var request = request(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** A POST of a CSV file (as {@code text/csv}); answers JSON or problem+json. */
    static Answer postCsv(String url, String token, String csv) {
        return send(request(url, token)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** A CSV body as the bytes given, for files that are not valid UTF-8. */
    static Answer postCsvBytes(String url, String token, byte[] csv) {
        return send(request(url, token)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    /** A POST of {@code multipart/form-data}: one part per name, each with its exact bytes. */
    static Answer postMultipart(String url, String token, Map<String, byte[]> parts) {
        var boundary = "citymaas-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        parts.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF_8));
        return send(request(url, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static Answer put(String url, String token, String json) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Answer delete(String url, String token) {
        return send(request(url, token).DELETE());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.header("Accept", "application/json");
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
