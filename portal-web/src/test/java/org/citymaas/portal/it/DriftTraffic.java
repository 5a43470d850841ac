package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.citymaas.portal.devstack.TestStack;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.Table;
import org.citymaas.runtime.training.control.TrafficFlowRecipe;

/**
 * Traffic for the drift tests: a fresh department subscribed to the traffic model, requests drawn from
 * the trainer's own held-out set (so its predictions fall as the card's reference does), and a burst of
 * rows with very high recent counts (every prediction above the held-out set's last decile).
 */
final class DriftTraffic {

    static final String MODEL = "traffic-flow-forecast";
    private static final String[] INPUTS = {
        "recent_counts", "hour_of_day", "day_of_week", "is_holiday", "precipitation_mm"
    };

    private DriftTraffic() {}

    /** A fresh department subscribed to the traffic model, and its API client's token. */
    record Department(String id, String token) {}

    static Department subscribed(String api, KeycloakAdmin keycloak, String prefix, String password) {
        var department = FreshDepartments.withAdmin(api, prefix, keycloak, password);
        var platform = DemoTokens.userToken("platform-admin");
        var subscribed = Http.post(
                api + "v1/tenants/" + department + "/subscriptions", platform, Http.json(Map.of("model", MODEL)));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        var limited = Http.put(
                api + "v1/tenants/" + department + "/quotas/" + MODEL,
                platform,
                "{\"requests\": 1000, \"rows\": 100000}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        var admin = TestStack.start().keycloak().userToken(department + "-admin", password);
        var secret = Http.post(api + "v1/tenants/" + department + "/clients/" + department + "-api/secret", admin, "")
                .json()
                .get("secret")
                .asText();
        return new Department(
                department, TestStack.start().keycloak().clientCredentialsToken(department + "-api", secret));
    }

    /** Every {@code step}-th row of the trainer's held-out set. */
    static Table heldOut(int step) {
        var all = new TrafficFlowRecipe().generate().heldOut();
        return all.select(
                IntStream.range(0, all.rows()).filter(i -> i % step == 0).toArray());
    }

    /** Sends the rows in requests of at most {@code chunk} rows; every request must be answered. */
    static void send(String api, String token, Table rows, int chunk) {
        for (int from = 0; from < rows.rows(); from += chunk) {
            var part = rows.slice(from, Math.min(rows.rows(), from + chunk));
            var answer = Http.post(api + "v2/models/" + MODEL + "/infer", token, body(part));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    /**
     * Sends the rows as one CSV batch job and waits until it is done; every line must be answered.
     *
     * @return the job as the API shows it when done
     */
    static JsonNode sendBatch(String api, String token, Table rows) {
        var csv = new StringBuilder("recent_counts,hour_of_day,day_of_week,is_holiday,precipitation_mm\n");
        float[] recent = rows.column("recent_counts").floats();
        for (int r = 0; r < rows.rows(); r++) {
            csv.append('"');
            for (int h = 0; h < 24; h++) {
                csv.append(h == 0 ? "" : ",").append((long) recent[r * 24 + h]);
            }
            csv.append("\",")
                    .append(rows.column("hour_of_day").longs()[r])
                    .append(',')
                    .append(rows.column("day_of_week").longs()[r])
                    .append(',')
                    .append(rows.column("is_holiday").longs()[r])
                    .append(',')
                    .append(rows.column("precipitation_mm").floats()[r])
                    .append('\n');
        }
        var submitted = Http.postCsv(api + "v1/models/" + MODEL + "/batches?fileName=drift.csv", token, csv.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var id = submitted.json().get("id").asText();
        var job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var answer = Http.get(api + "v1/batches/" + id, token);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    job[0] = answer.json();
                    return job[0].get("status").asText().equals("DONE");
                });
        assertThat(job[0].get("okRows").asInt()).as(job[0].toString()).isEqualTo(rows.rows());
        return job[0];
    }

    /** {@code rows} rows of a busy arterial road at the evening peak: 2,400 to 2,800 vehicles an hour. */
    static Table busy(int rows) {
        float[] recent = new float[rows * 24];
        long[] hour = new long[rows];
        long[] day = new long[rows];
        long[] holiday = new long[rows];
        float[] rain = new float[rows];
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < 24; h++) {
                recent[r * 24 + h] = 2400 + (r * 13 + h * 17) % 400;
            }
            hour[r] = 18;
            day[r] = r % 5;
        }
        return new Table.Builder(rows)
                .fp32("recent_counts", 24, recent)
                .int64("hour_of_day", hour)
                .int64("day_of_week", day)
                .int64("is_holiday", holiday)
                .fp32("precipitation_mm", 1, rain)
                .build();
    }

    private static String body(Table rows) {
        var inputs = new ArrayList<Map<String, Object>>();
        for (var name : INPUTS) {
            Tensor t = rows.column(name);
            int width = t.size() / t.rows();
            List<Object> data = new ArrayList<>(t.size());
            switch (t.datatype()) {
                case FP32 -> {
                    for (float f : t.floats()) {
                        data.add(f);
                    }
                }
                case INT64 -> {
                    for (long l : t.longs()) {
                        data.add(l);
                    }
                }
                default -> throw new IllegalArgumentException(name);
            }
            inputs.add(Map.of(
                    "name", name, "datatype", t.datatype().name(), "shape", List.of(t.rows(), width), "data", data));
        }
        return Http.json(Map.of("inputs", inputs));
    }

    /** The report's row of a department's use of the traffic model's version 1, or null. */
    static JsonNode row(JsonNode report, String department) {
        return StreamSupport.stream(report.get("rows").spliterator(), false)
                .filter(r -> r.get("department").asText().equals(department)
                        && r.get("model").asText().equals(MODEL)
                        && r.get("version").asText().equals("1"))
                .findFirst()
                .orElse(null);
    }
}
