package org.citymaas.portal.problems;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.citymaas.portal.http.SecurityHeadersFilter;

/** Writes problem details as the JSON object RFC 9457 describes (extensions as top-level members). */
public final class Problems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private Problems() {}

    public static String json(Problem problem) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        problem.extensions().forEach(body::putIfAbsent);
        return JSON.toJson(body);
    }

    /** The answer of a problem; one with {@code retryAfterSeconds} (a used-up quota) also says {@code Retry-After}. */
    public static Response response(Problem problem) {
        var response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE + ";charset=utf-8")
                .entity(json(problem));
        if (problem.extensions().get("retryAfterSeconds") instanceof Long seconds) {
            response.header("Retry-After", seconds);
        }
        return response.build();
    }

    /** For servlet code that answers before JAX-RS runs (the sign-in mechanism). */
    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        SecurityHeadersFilter.apply(response);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(Problem.of(status, title, detail)));
    }
}
