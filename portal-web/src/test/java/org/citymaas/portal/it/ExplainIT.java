package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /explain} on the real stack (the shared deployment): the attribution of each tabular catalog
 * model's answers on its held-out rows, the complaint router's on masked text, and the governed path:
 * subscription, metering as its own unit, audit, request ids charged once.
 */
@ExtendWith(ArquillianExtension.class)
class ExplainIT {

    private static final String NAME = "张伟";
    private static final String PHONE = "13812345678";

    /** A tabular catalog model, the demo department that has it, and its inputs the model sees. */
    private record Tabular(String model, String department, List<String> inputs, List<String> sent) {}

    private static final List<Tabular> TABULAR = List.of(
            new Tabular(
                    "traffic-flow-forecast",
                    "transport",
                    List.of("recent_counts", "hour_of_day", "day_of_week", "is_holiday", "precipitation_mm"),
                    List.of()),
            new Tabular(
                    "education-score-predict",
                    "education",
                    List.of(
                            "attendance_rate",
                            "homework_completion",
                            "previous_term_score",
                            "midterm_score",
                            "weekly_study_hours"),
                    // student_id is dropped before the model: sent, but no share of the answer
                    List.of("student_id")),
            new Tabular(
                    "air-quality-forecast",
                    "environment",
                    List.of(
                            "pm25_last_24h",
                            "temperature_c",
                            "relative_humidity_pct",
                            "wind_speed_ms",
                            "wind_direction_deg",
                            "precipitation_mm",
                            "hour_of_day"),
                    List.of()),
            new Tabular(
                    "health-risk",
                    "health",
                    List.of(
                            "pregnancies",
                            "glucose",
                            "blood_pressure",
                            "skin_thickness",
                            "insulin",
                            "bmi",
                            "diabetes_pedigree",
                            "age"),
                    List.of()));

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void eachTabularModelsSharesAddUpToPredictionMinusBaselineAndThePredictionIsInfersAnswer() {
        for (var m : TABULAR) {
            var token = DemoTokens.serviceToken(m.department());
            var inputs = new ArrayList<>(m.sent());
            inputs.addAll(m.inputs());
            var body = HeldOutRequests.body(m.model(), inputs, 3);
            var requestId = "explain-" + m.model() + "-" + UUID.randomUUID();

            var explained = Http.post(
                    api("v2/models/" + m.model() + "/explain"), token, body, Map.of("X-Request-Id", requestId));
            var inferred = Http.post(api("v2/models/" + m.model() + "/infer"), token, body);

            assertThat(explained.status())
                    .as(m.model() + ": " + explained.body())
                    .isEqualTo(200);
            assertThat(inferred.status()).as(inferred.body()).isEqualTo(200);
            var explanation = explained.json().get("explanation");
            assertThat(explanation.get("method").asText()).isEqualTo("exact-shapley");
            assertThat(explanation.get("baseline_description").asText()).isNotBlank();
            var tolerance = explanation.get("tolerance").asDouble();
            assertThat(tolerance).as(m.model() + "'s card states a tolerance").isPositive();
            var output = explanation.get("output").asText();
            var answers = output(inferred.json(), output);
            var width = answers.at("/shape/1").asInt();
            assertThat(explanation.get("rows")).as(m.model()).hasSize(3);
            for (int r = 0; r < 3; r++) {
                var row = explanation.get("rows").get(r);
                var prediction = row.get("prediction").asDouble();
                var baseline = row.get("baseline").asDouble();
                assertThat(features(row)).as(m.model() + " row " + r).containsExactlyElementsOf(m.inputs());
                var sum = 0.0;
                for (var a : row.get("attributions")) {
                    sum += a.get("value").asDouble();
                }
                assertThat(sum)
                        .as(m.model() + " row " + r + ": shares add up to prediction - baseline")
                        .isCloseTo(prediction - baseline, within(tolerance));
                // air quality explains the mean of its 6 hours (the card's output_description), the others their value
                var infers = 0.0;
                for (int i = 0; i < width; i++) {
                    infers += answers.get("data").get(r * width + i).asDouble();
                }
                infers /= width;
                assertThat(prediction)
                        .as(m.model() + " row " + r + ": the prediction explained is /infer's answer")
                        .isCloseTo(infers, within(1e-4 * Math.max(1, Math.abs(infers))));
            }
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM usage_event WHERE request_id = ? AND kind = 'EXPLAIN' AND rows = 3"
                                    + " AND model = ? AND outcome = 'OK'",
                            requestId,
                            m.model()))
                    .as(m.model() + " metered as an explanation of 3 rows")
                    .isEqualTo(1);
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'inference.explain'"
                                    + " AND outcome = 'OK' AND http_status = 200 AND summary LIKE ?",
                            requestId,
                            "%explanation=exact-shapley rowsRun=%"))
                    .isEqualTo(1);
        }
    }

    @Test
    void theRoutersSharesOfABusStopComplaintNameTheBusStopWords() {
        var text = "公交站台的站牌倒了，候车亭玻璃碎了";

        var explained =
                Http.post(api("v2/models/complaint-routing/explain"), DemoTokens.serviceToken("hotline"), text(text));

        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        var explanation = explained.json().get("explanation");
        assertThat(explanation.get("method").asText()).isEqualTo("occlusion");
        assertThat(explanation.get("output").asText()).isEqualTo("department_probs");
        var row = explanation.at("/rows/0");
        assertThat(row.get("label").asText()).isNotBlank();
        assertThat(String.join("", features(row)))
                .as("the tokens in text order")
                .startsWith("公交");
        var top = top(row, 3);
        assertThat(top)
                .as("the three largest shares of " + row)
                .anySatisfy(token -> assertThat("公交站台站牌候车亭").contains(token));
    }

    @Test
    void aComplaintNamingAPersonIsExplainedOnItsMaskedTextOnly() {
        var requestId = "explain-masked-" + UUID.randomUUID();
        var text = "来电人" + NAME + "反映，公交站台的站牌倒了，候车亭玻璃碎了，联系电话" + PHONE + "。";

        var explained = Http.post(
                api("v2/models/complaint-routing/explain"),
                DemoTokens.serviceToken("hotline"),
                text(text),
                Map.of("X-Request-Id", requestId));

        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        assertThat(explained.body()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("伟");
        var tokens = features(explained.json().at("/explanation/rows/0"));
        assertThat(tokens).as("masked characters are tokens").contains("*");
        assertThat(tokens).doesNotContain("伟");
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE request_id = ? AND action = 'inference.explain'",
                        requestId))
                .as("structure only")
                .contains("pii=")
                .contains("PERSON_NAME")
                .doesNotContain(NAME)
                .doesNotContain("公交");
    }

    @Test
    void explainIsRefusedWithoutASubscriptionLikeInfer() {
        var requestId = "explain-foreign-" + UUID.randomUUID();

        var foreign = Http.post(
                api("v2/models/health-risk/explain"),
                DemoTokens.serviceToken("transport"),
                HeldOutRequests.body("health-risk", TABULAR.get(3).inputs(), 1),
                Map.of("X-Request-Id", requestId));
        var unknownVersion = Http.post(
                api("v2/models/traffic-flow-forecast/versions/77/explain"),
                DemoTokens.serviceToken("transport"),
                TrafficRequests.body(1, 8));

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.body()).doesNotContain("explanation\"");
        assertThat(unknownVersion.status()).as(unknownVersion.body()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'inference.explain'"
                                + " AND outcome = 'DENIED' AND http_status = 404 AND resource = 'models/health-risk'",
                        requestId))
                .isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameRequestIdIsChargedOnceAndTheIdServesNoInference() {
        var token = DemoTokens.serviceToken("health");
        var requestId = "explain-retry-" + UUID.randomUUID();
        var body = HeldOutRequests.body("health-risk", TABULAR.get(3).inputs(), 1);
        var before = requestsUsed(token, "health-risk");

        var first = Http.post(api("v2/models/health-risk/explain"), token, body, Map.of("X-Request-Id", requestId));
        var retry = Http.post(api("v2/models/health-risk/explain"), token, body, Map.of("X-Request-Id", requestId));
        var inferUnderIt =
                Http.post(api("v2/models/health-risk/infer"), token, body, Map.of("X-Request-Id", requestId));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().at("/explanation/rows")).isEqualTo(first.json().at("/explanation/rows"));
        assertThat(inferUnderIt.status())
                .as("an inference is another request than the explanation: " + inferUnderIt.body())
                .isEqualTo(409);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE request_id = ? AND kind = 'EXPLAIN'", requestId))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isEqualTo(1);
        assertThat(requestsUsed(token, "health-risk")).isEqualTo(before + 1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'inference.explain'"
                                + " AND outcome = 'OK'",
                        requestId))
                .isEqualTo(2);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE request_id = ? AND action = 'inference.explain'"
                                + " ORDER BY seq DESC LIMIT 1",
                        requestId))
                .contains("not charged again");
    }

    private long requestsUsed(String token, String model) {
        var quotas = Http.get(api("v1/quotas"), token);
        assertThat(quotas.status()).as(quotas.body()).isEqualTo(200);
        for (var quota : quotas.json()) {
            if (quota.get("model").asText().equals(model)) {
                return quota.get("requestsUsed").asLong();
            }
        }
        throw new AssertionError("no quota line for " + model + ": " + quotas.body());
    }

    private static String text(String text) {
        return Http.json(Map.of(
                "inputs",
                List.of(Map.of("name", "text", "datatype", "BYTES", "shape", List.of(1), "data", List.of(text)))));
    }

    private static List<String> features(JsonNode row) {
        var out = new ArrayList<String>();
        row.get("attributions").forEach(a -> out.add(a.get("feature").asText()));
        return out;
    }

    /** The tokens of the {@code n} largest shares. */
    private static List<String> top(JsonNode row, int n) {
        var shares = new ArrayList<JsonNode>();
        row.get("attributions").forEach(shares::add);
        return shares.stream()
                .sorted(Comparator.comparingDouble(
                                (JsonNode a) -> a.get("value").asDouble())
                        .reversed())
                .limit(n)
                .map(a -> a.get("feature").asText())
                .toList();
    }

    private static JsonNode output(JsonNode body, String name) {
        for (var output : body.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + body);
    }
}
