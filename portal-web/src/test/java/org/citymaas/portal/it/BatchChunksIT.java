package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A job of several chunks (the portal's chunks hold 128 lines) with bad lines mixed in and a quota
 * that runs out part way: every line still ends as it would alone on the governed path. Each bad line
 * is refused with its own message, each valid line is answered as a single request is, until the quota
 * is used up exactly; then the rest is refused with 429. One usage event per answered line, one audit
 * event per line, the quota's requests and rows used exactly to their limit.
 */
@ExtendWith(ArquillianExtension.class)
class BatchChunksIT {

    private static final String PASSWORD = "Batch-chunks-it-Pw-3";
    private static final String MODEL = "traffic-flow-forecast";
    private static final int LINES = 300;
    private static final int QUOTA = 250;
    /** Data line index: the cell that makes it invalid (hour 30, or a word where a number goes). */
    private static final Map<Integer, String> BAD =
            Map.of(0, "hour", 57, "hour", 127, "hour", 128, "hour", 150, "precipitation", 299, "hour");

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloak = new KeycloakAdmin(TestStack.start().keycloak());

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private static List<String> counts(int i) {
        var counts = new ArrayList<String>();
        for (int h = 0; h < 24; h++) {
            counts.add(String.valueOf(200 + 7 * i + h));
        }
        return counts;
    }

    private static int hour(int i) {
        return "hour".equals(BAD.get(i)) ? 30 : i % 24;
    }

    private static String csv() {
        var csv = new StringBuilder(BatchScoringIT.HEADER).append('\n');
        for (int i = 0; i < LINES; i++) {
            csv.append('"')
                    .append(String.join(",", counts(i)))
                    .append("\",")
                    .append(hour(i))
                    .append(",")
                    .append(i % 7)
                    .append(",0,")
                    .append("precipitation".equals(BAD.get(i)) ? "heavy" : "1.5")
                    .append('\n');
        }
        return csv.toString();
    }

    /** The same line as a single v2 request. */
    private static String single(int i) {
        return Http.json(Map.of(
                "inputs",
                List.of(
                        tensor(
                                "recent_counts",
                                "FP32",
                                List.of(1, 24),
                                counts(i).stream().map(Float::valueOf).toList()),
                        tensor("hour_of_day", "INT64", List.of(1, 1), List.of(hour(i))),
                        tensor("day_of_week", "INT64", List.of(1, 1), List.of(i % 7)),
                        tensor("is_holiday", "INT64", List.of(1, 1), List.of(0)),
                        tensor("precipitation_mm", "FP32", List.of(1, 1), List.of(1.5)))));
    }

    private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape, List<?> data) {
        return Map.of("name", name, "datatype", datatype, "shape", shape, "data", data);
    }

    @Test
    void aJobOfSeveralChunksWithBadLinesAndAQuotaRunningOutEndsLineByLineAsAlone() {
        var department = FreshDepartments.withAdmin(api(""), "chunk", keycloak, PASSWORD);
        var platform = DemoTokens.userToken("platform-admin");
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        assertThat(Http.post(
                                api("v1/tenants/" + department + "/subscriptions"),
                                platform,
                                Http.json(Map.of("model", MODEL)))
                        .status())
                .isEqualTo(201);
        var limited = Http.put(
                api("v1/tenants/" + department + "/quotas/" + MODEL),
                platform,
                "{\"requests\": " + QUOTA + ", \"rows\": 100000}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        var secret = Http.post(api("v1/tenants/" + department + "/clients/" + department + "-api/secret"), admin, "")
                .json()
                .get("secret")
                .asText();
        var token = TestStack.start().keycloak().clientCredentialsToken(department + "-api", secret);

        var submitted = Http.postCsv(api("v1/models/" + MODEL + "/batches?fileName=chunks.csv"), token, csv());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var id = submitted.json().get("id").asText();
        var job = awaitDone(id, token);

        var valid = LINES - BAD.size();
        assertThat(job.get("okRows").asInt()).isEqualTo(QUOTA);
        assertThat(job.get("failedRows").asInt()).isEqualTo(LINES - QUOTA);
        var statuses = new TreeMap<Integer, Integer>();
        var bad = new TreeMap<Integer, JsonNode>();
        for (var failure : job.get("failures")) {
            statuses.merge(failure.get("status").asInt(), 1, Integer::sum);
            if (failure.get("status").asInt() == 400) {
                bad.put(failure.get("line").asInt(), failure);
            }
        }
        assertThat(statuses)
                .containsEntry(400, BAD.size())
                .containsEntry(429, valid - QUOTA)
                .hasSize(2);
        assertThat(bad.keySet())
                .as("each bad line refused on its own, by its line number (header is line 1)")
                .containsExactlyElementsOf(
                        BAD.keySet().stream().sorted().map(i -> i + 2).toList());
        for (var entry : BAD.entrySet()) {
            var refused = bad.get(entry.getKey() + 2);
            var field = entry.getValue().equals("hour") ? "hour_of_day" : "precipitation_mm";
            assertThat(refused.get("message").asText()).contains(field);
            assertThat(refused.at("/errors/0/field").asText()).isEqualTo(field);
            assertThat(refused.at("/errors/0/rule").asText())
                    .isEqualTo(entry.getValue().equals("hour") ? "maximum" : "datatype");
        }

        var ids = "batch-" + id + "-%";
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = ? AND request_id LIKE ? AND rows = 1"
                                + " AND caller = ?",
                        department,
                        ids,
                        department + "-api"))
                .as("one usage event of one row per answered line")
                .isEqualTo(QUOTA);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE tenant_id = ?", department))
                .isEqualTo(QUOTA);
        assertThat(TestDatabase.count(
                        "SELECT max(n) FROM (SELECT count(*) AS n FROM usage_event WHERE tenant_id = ?"
                                + " GROUP BY occurred_at) AS commits",
                        department))
                .as("the answered lines of a chunk are metered together, in one transaction")
                .isGreaterThan(100);
        assertThat(TestDatabase.count(
                        "SELECT requests_used FROM quota_usage WHERE tenant_id = ? AND model = ?", department, MODEL))
                .as("the quota used exactly to its limit, nothing held back")
                .isEqualTo(QUOTA);
        assertThat(TestDatabase.count(
                        "SELECT rows_used FROM quota_usage WHERE tenant_id = ? AND model = ?", department, MODEL))
                .isEqualTo(QUOTA);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE request_id LIKE ?", ids))
                .isEqualTo(LINES);
        assertThat(TestDatabase.count(
                        "SELECT count(DISTINCT request_id) FROM audit_event WHERE request_id LIKE ?"
                                + " AND action = 'inference.request' AND tenant = ? AND actor = ?",
                        ids,
                        department,
                        department + "-api"))
                .as("one event per line, each under the line's own request id")
                .isEqualTo(LINES);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND outcome = 'OK' AND http_status"
                                + " = 200 AND request_digest IS NOT NULL AND response_digest IS NOT NULL AND summary"
                                + " LIKE 'rows=1 inputs=recent_counts:FP32[1,24],%' AND resource = ?",
                        ids, "models/" + MODEL + "/versions/1"))
                .isEqualTo(QUOTA);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND outcome = 'REJECTED'"
                                + " AND http_status = 429",
                        ids))
                .isEqualTo(valid - QUOTA);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND outcome = 'REJECTED'"
                                + " AND http_status = 400",
                        ids))
                .isEqualTo(BAD.size());
        for (var line : BAD.keySet()) {
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'REJECTED'"
                                    + " AND http_status = 400",
                            "batch-" + id + "-" + (line + 2)))
                    .isEqualTo(1);
        }

        var results = Http.getAny(api("v1/batches/" + id + "/results"), token);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        var lines = BatchScoringIT.dataLines(results.body());
        assertThat(lines).hasSize(LINES);
        var answered = new ArrayList<Integer>();
        for (int i = 0; i < LINES; i++) {
            assertThat(lines.get(i)).startsWith((i + 2) + ",\"" + (200 + 7 * i) + ",");
            if (BAD.containsKey(i)) {
                assertThat(lines.get(i)).contains(",400,");
            } else if (lines.get(i).endsWith(",OK,")) {
                answered.add(i);
            } else {
                assertThat(lines.get(i)).contains(",429,");
            }
        }
        assertThat(answered).hasSize(QUOTA);
        // what a line answers in its chunk is what the same line answers alone (a demo department runs it)
        var transport = DemoTokens.serviceToken("transport");
        for (var i : Set.of(answered.get(0), answered.get(QUOTA / 2), answered.get(QUOTA - 1))) {
            var alone = Http.post(api("v2/models/" + MODEL + "/infer"), transport, single(i));
            assertThat(alone.status()).as(alone.body()).isEqualTo(200);
            var expected = alone.json().at("/outputs/0/data/0").asDouble();
            var cells = lines.get(i).split(",", -1);
            var inChunk = Double.parseDouble(cells[cells.length - 3]);
            assertThat(inChunk).as("line %d", i + 2).isCloseTo(expected, within(Math.abs(expected) * 1e-4 + 1e-3));
        }
    }

    private JsonNode awaitDone(String id, String token) {
        var answer = new Http.Answer[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    answer[0] = Http.get(api("v1/batches/" + id), token);
                    assertThat(answer[0].status()).as(answer[0].body()).isEqualTo(200);
                    return answer[0].json().get("status").asText().equals("DONE");
                });
        return answer[0].json();
    }
}
