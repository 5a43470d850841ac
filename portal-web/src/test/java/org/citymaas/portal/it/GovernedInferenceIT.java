package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Governed inference end to end on the real stack: subscriptions, the v2 API, validation, masking,
 * quotas under concurrency, metering with idempotent request ids, and the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
class GovernedInferenceIT {

    private static final String PHONE = "13812345678";
    private static final String ID_CARD = "110105199003074579";
    private static final String NAME = "张伟";

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private static String trafficRequest(float hourlyCount, long hour) {
        var counts = new ArrayList<Float>();
        for (int i = 0; i < 24; i++) {
            counts.add(hourlyCount + i);
        }
        return Http.json(Map.of(
                "inputs",
                List.of(
                        tensor("recent_counts", "FP32", List.of(1, 24), counts),
                        tensor("hour_of_day", "INT64", List.of(1, 1), List.of(hour)),
                        tensor("day_of_week", "INT64", List.of(1, 1), List.of(2)),
                        tensor("is_holiday", "INT64", List.of(1, 1), List.of(0)),
                        tensor("precipitation_mm", "FP32", List.of(1, 1), List.of(0.5)))));
    }

    private static String airQualityRequest() {
        return Http.json(Map.of(
                "inputs",
                List.of(
                        tensor("pm25_last_24h", "FP32", List.of(1, 24), Collections.nCopies(24, 35.0)),
                        tensor("temperature_c", "FP32", List.of(1, 1), List.of(12.0)),
                        tensor("relative_humidity_pct", "FP32", List.of(1, 1), List.of(60.0)),
                        tensor("wind_speed_ms", "FP32", List.of(1, 1), List.of(2.5)),
                        tensor("wind_direction_deg", "FP32", List.of(1, 1), List.of(180.0)),
                        tensor("precipitation_mm", "FP32", List.of(1, 1), List.of(0.0)),
                        tensor("hour_of_day", "INT64", List.of(1, 1), List.of(9)))));
    }

    private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape, List<?> data) {
        return Map.of("name", name, "datatype", datatype, "shape", shape, "data", data);
    }

    private static String single(String sql, Object... parameters) {
        try (var connection = TestStack.start().database().ownerDataSource().getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var result = query.executeQuery()) {
                assertThat(result.next()).as("a row for " + sql).isTrue();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubscribedDepartmentGetsOutputsAndAnUnsubscribedModelIs404() {
        var token = DemoTokens.serviceToken("transport");
        var requestId = "traffic-" + UUID.randomUUID();

        var answer = Http.post(
                api("v2/models/traffic-flow-forecast/infer"),
                token,
                trafficRequest(800, 8),
                Map.of("X-Request-Id", requestId));
        var unsubscribed = Http.post(api("v2/models/health-risk/infer"), token, trafficRequest(800, 8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var body = answer.json();
        assertThat(body.get("model_name").asText()).isEqualTo("traffic-flow-forecast");
        assertThat(body.get("model_version").asText()).isEqualTo("1");
        assertThat(body.get("id").asText()).isEqualTo(requestId);
        assertThat(body.at("/outputs/0/name").asText()).isEqualTo("vehicles_next_hour");
        assertThat(body.at("/outputs/0/shape").toString()).isEqualTo("[1,1]");
        assertThat(body.at("/outputs/0/data/0").asDouble()).isPositive();
        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(404);
        assertThat(unsubscribed.contentType()).startsWith("application/problem+json");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = 'transport' AND request_id = ?"
                                + " AND caller = 'transport-api' AND model_version = '1' AND rows = 1"
                                + " AND outcome = 'OK'",
                        requestId))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'OK'"
                                + " AND http_status = 200 AND actor = 'transport-api' AND tenant = 'transport'",
                        requestId))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE actor = 'transport-api'"
                        + " AND resource = 'models/health-risk' AND http_status = 404"))
                .isPositive();
    }

    @Test
    void theCatalogACallerSeesIsTheirDepartments() {
        var token = DemoTokens.serviceToken("transport");

        var server = Http.get(api("v2"), token);
        var ready = Http.get(api("v2/health/ready"), token);
        var models = Http.get(api("v2/models"), token);
        var metadata = Http.get(api("v2/models/traffic-flow-forecast"), token);
        var versionReady = Http.get(api("v2/models/traffic-flow-forecast/versions/1/ready"), token);
        var foreign = Http.get(api("v2/models/health-risk"), token);
        var unknown = Http.get(api("v2/models/no-such-model/ready"), token);

        assertThat(server.status()).isEqualTo(200);
        assertThat(server.json().get("name").asText()).isEqualTo("citymaas");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        assertThat(models.json().get("models").toString())
                .contains("traffic-flow-forecast")
                .doesNotContain("health-risk");
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.json().get("name").asText()).isEqualTo("traffic-flow-forecast");
        assertThat(metadata.json().get("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(metadata.json().get("inputs").findValuesAsText("name"))
                .containsExactly("recent_counts", "hour_of_day", "day_of_week", "is_holiday", "precipitation_mm");
        assertThat(versionReady.status()).isEqualTo(200);
        assertThat(versionReady.json().get("ready").asBoolean()).isTrue();
        assertThat(versionReady.json().get("state").asText()).isIn("not_loaded", "loading", "ready");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aComplaintIsRoutedAndOnlyItsStructureIsKept() {
        var requestId = "complaint-" + UUID.randomUUID();
        var complaint =
                "来电人" + NAME + "反映，幸福小区旁边工地夜间施工噪音很大，施工机器轰鸣到凌晨，影响居民休息。" + "联系电话" + PHONE + "，身份证号" + ID_CARD + "，请尽快处理。";
        var request = Http.json(
                Map.of("id", requestId, "inputs", List.of(tensor("text", "BYTES", List.of(1), List.of(complaint)))));

        var answer = Http.post(api("v2/models/complaint-routing/infer"), DemoTokens.serviceToken("hotline"), request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var categories = output(answer.json(), "category_probs");
        assertThat(topLabel(categories)).isEqualTo("生态环境/噪音扰民");
        var summary = single("SELECT summary FROM audit_event WHERE request_id = ?", requestId);
        assertThat(summary)
                .as("structure only: no text, masked or not")
                .contains("inputs=text:BYTES[1]")
                .contains("pii=")
                .contains("CN_MOBILE:1")
                .doesNotContain("工地")
                .doesNotContain("138****5678")
                .doesNotContain(PHONE)
                .doesNotContain(ID_CARD)
                .doesNotContain(NAME);
        var serverLog = ServerLog.read();
        assertThat(serverLog.lines().filter(line -> line.contains(requestId)))
                .as("the server log's line for " + requestId)
                .anySatisfy(line -> assertThat(line).contains("CN_MOBILE:1").doesNotContain("工地"));
        assertThat(serverLog).doesNotContain(PHONE).doesNotContain(ID_CARD).doesNotContain(NAME);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE summary LIKE ? OR summary LIKE ? OR summary LIKE ?",
                        "%" + PHONE + "%",
                        "%" + ID_CARD + "%",
                        "%" + NAME + "%"))
                .isZero();
    }

    private static JsonNode output(JsonNode body, String name) {
        for (var output : body.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + body);
    }

    private static String topLabel(JsonNode output) {
        var data = output.get("data");
        int best = 0;
        for (int i = 1; i < data.size(); i++) {
            if (data.get(i).asDouble() > data.get(best).asDouble()) {
                best = i;
            }
        }
        return output.at("/parameters/labels/" + best).asText();
    }

    @Test
    void malformedRequestsAre400NamingTheField() {
        var token = DemoTokens.serviceToken("transport");
        var url = api("v2/models/traffic-flow-forecast/infer");
        var wrongType = trafficRequest(800, 8).replace("\"datatype\":\"INT64\"", "\"datatype\":\"FP32\"");
        var wrongShape = trafficRequest(800, 8).replace("[1,24]", "[1,23]");
        var outOfRange = trafficRequest(800, 30);
        var unknownInput = trafficRequest(800, 8).replace("\"is_holiday\"", "\"holiday\"");

        var malformed = Http.post(url, token, "{\"inputs\": [");
        var type = Http.post(url, token, wrongType);
        var shape = Http.post(url, token, wrongShape);
        var range = Http.post(url, token, outOfRange, Map.of("X-Request-Id", "range-" + UUID.randomUUID()));
        var unknown = Http.post(url, token, unknownInput);

        for (var answer : List.of(malformed, type, shape, range, unknown)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(fieldsAndRules(malformed)).contains("body:json");
        assertThat(fieldsAndRules(type)).contains("hour_of_day:datatype");
        assertThat(fieldsAndRules(shape)).contains("recent_counts:shape");
        assertThat(fieldsAndRules(range)).contains("hour_of_day:maximum");
        assertThat(range.json().get("detail").asText()).contains("hour_of_day");
        assertThat(fieldsAndRules(unknown)).contains("holiday:unknown", "is_holiday:required");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE 'range-%' AND outcome = 'REJECTED'"
                                + " AND http_status = 400"))
                .isEqualTo(1);
    }

    private static List<String> fieldsAndRules(Http.Answer answer) {
        var out = new ArrayList<String>();
        answer.json()
                .get("errors")
                .forEach(e ->
                        out.add(e.get("field").asText() + ":" + e.get("rule").asText()));
        return out;
    }

    @Test
    void refusedSignInsAreAuditedWithoutTheToken() {
        var marker = "no-token-" + UUID.randomUUID();

        var none = Http.post(api("v2/models/" + marker + "/infer"), null, "{}");
        var forged = Http.post(api("v2/models/" + marker + "/infer"), "not.a.token", "{}");

        assertThat(none.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'api.signin' AND actor_type = 'anonymous'"
                                + " AND outcome = 'DENIED' AND http_status = 401 AND resource LIKE ?",
                        "%" + marker + "%"))
                .isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE summary LIKE '%not.a.token%'"))
                .isZero();
    }

    @Test
    void onlyPlatformAdminsManageSubscriptionsAndQuotas() {
        var tenantAdmin = DemoTokens.userToken("transport-admin");
        var admin = DemoTokens.userToken("platform-admin");

        var grantByTenantAdmin =
                Http.post(api("v1/tenants/transport/subscriptions"), tenantAdmin, "{\"model\": \"health-risk\"}");
        var quotaByStaff = Http.put(
                api("v1/tenants/transport/quotas/traffic-flow-forecast"),
                DemoTokens.serviceToken("transport"),
                "{" + "\"requests\": 1, \"rows\": 1}");
        var verifyByStaff = Http.get(api("v1/audit/verify"), DemoTokens.serviceToken("transport"));

        assertThat(grantByTenantAdmin.status()).isEqualTo(403);
        assertThat(quotaByStaff.status()).isEqualTo(403);
        assertThat(verifyByStaff.status()).isEqualTo(403);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'transport-admin' AND outcome = 'DENIED'"
                                + " AND http_status = 403 AND resource LIKE '%tenants/transport/subscriptions%'"))
                .isPositive();

        var granted = Http.post(
                api("v1/tenants/education/subscriptions"),
                admin,
                "{\"model\": \"traffic-flow-forecast\", \"version\": \"1\"}");
        var listed = Http.get(api("v1/tenants/education/subscriptions"), admin);
        var unknownModel =
                Http.post(api("v1/tenants/education/subscriptions"), admin, "{\"model\": \"no-such-model\"}");
        var unknownDepartment =
                Http.post(api("v1/tenants/nowhere/subscriptions"), admin, "{\"model\": \"health-risk\"}");
        var revoked = Http.delete(api("v1/tenants/education/subscriptions/traffic-flow-forecast"), admin);
        var revokedAgain = Http.delete(api("v1/tenants/education/subscriptions/traffic-flow-forecast"), admin);

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().get("pinnedVersion").asText()).isEqualTo("1");
        assertThat(listed.json().findValuesAsText("model"))
                .contains("education-score-predict", "traffic-flow-forecast");
        assertThat(unknownModel.status()).isEqualTo(404);
        assertThat(unknownDepartment.status()).isEqualTo(404);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(revokedAgain.status()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE actor = 'platform-admin' AND action LIKE"
                        + " 'subscription.%' AND resource = 'tenants/education/subscriptions/traffic-flow-forecast'"))
                .isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameRequestIdIsChargedOnce() {
        var token = DemoTokens.serviceToken("transport");
        var requestId = "retry-" + UUID.randomUUID();
        var before = requestsUsed(token, "traffic-flow-forecast");

        var first = Http.post(
                api("v2/models/traffic-flow-forecast/infer"),
                token,
                trafficRequest(500, 9),
                Map.of("X-Request-Id", requestId));
        var retry = Http.post(
                api("v2/models/traffic-flow-forecast/infer"),
                token,
                trafficRequest(500, 9),
                Map.of("X-Request-Id", requestId));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("outputs")).isEqualTo(first.json().get("outputs"));
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isEqualTo(1);
        assertThat(requestsUsed(token, "traffic-flow-forecast")).isEqualTo(before + 1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'OK'", requestId))
                .isEqualTo(2);
    }

    @Test
    void aRequestIdReusedForAnotherInputIs409AndChargesNothing() {
        var token = DemoTokens.serviceToken("transport");
        var requestId = "reused-" + UUID.randomUUID();
        var url = api("v2/models/traffic-flow-forecast/infer");
        var before = requestsUsed(token, "traffic-flow-forecast");

        var first = Http.post(url, token, trafficRequest(500, 9), Map.of("X-Request-Id", requestId));
        var other = Http.post(url, token, trafficRequest(2_000, 9), Map.of("X-Request-Id", requestId));
        var retry = Http.post(url, token, trafficRequest(500, 9), Map.of("X-Request-Id", requestId));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("title").asText()).isEqualTo("Request id already used");
        assertThat(other.json().get("detail").asText()).contains(requestId, "different request", "new request id");
        assertThat(other.body()).doesNotContain("outputs");
        assertThat(retry.status())
                .as("the first request may still be retried: " + retry.body())
                .isEqualTo(200);
        assertThat(retry.json().get("outputs")).isEqualTo(first.json().get("outputs"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE request_id = ? AND request_digest IS NOT NULL",
                        requestId))
                .isEqualTo(1);
        assertThat(requestsUsed(token, "traffic-flow-forecast")).isEqualTo(before + 1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND actor = 'transport-api'"
                                + " AND outcome = 'REJECTED' AND http_status = 409",
                        requestId))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'OK'", requestId))
                .isEqualTo(2);
        assertThat(TestDatabase.count(
                        "SELECT count(DISTINCT request_digest) FROM audit_event WHERE request_id = ?"
                                + " AND request_digest IS NOT NULL",
                        requestId))
                .as("the refused request is audited with its own digest")
                .isEqualTo(2);
    }

    @Test
    void aRequestIdReusedByAnotherCallerOfTheDepartmentIs409EvenForTheSameInput() {
        var service = DemoTokens.serviceToken("transport");
        var staff = DemoTokens.userToken("transport-staff");
        var requestId = "shared-" + UUID.randomUUID();
        var url = api("v2/models/traffic-flow-forecast/infer");
        var before = requestsUsed(service, "traffic-flow-forecast");

        var first = Http.post(url, service, trafficRequest(700, 10), Map.of("X-Request-Id", requestId));
        var byStaff = Http.post(url, staff, trafficRequest(700, 10), Map.of("X-Request-Id", requestId));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(409);
        assertThat(byStaff.contentType()).startsWith("application/problem+json");
        assertThat(byStaff.json().get("detail").asText()).contains("new request id");
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isEqualTo(1);
        assertThat(single("SELECT caller FROM usage_event WHERE request_id = ?", requestId))
                .isEqualTo("transport-api");
        assertThat(requestsUsed(service, "traffic-flow-forecast")).isEqualTo(before + 1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND actor = 'transport-staff'"
                                + " AND outcome = 'REJECTED' AND http_status = 409",
                        requestId))
                .isEqualTo(1);
    }

    @Test
    void concurrentRequestsOfOneIdWithDifferentInputsRunOnceAndTheOthersAre409() throws Exception {
        var token = DemoTokens.serviceToken("transport");
        var requestId = "race-" + UUID.randomUUID();
        var before = requestsUsed(token, "traffic-flow-forecast");

        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Http.Answer>>();
        for (int i = 0; i < 8; i++) {
            var body = trafficRequest(100 + i, 11);
            answers.add(pool.submit(() -> {
                start.await();
                return Http.post(
                        api("v2/models/traffic-flow-forecast/infer"), token, body, Map.of("X-Request-Id", requestId));
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isEqualTo(1);
        assertThat(requestsUsed(token, "traffic-flow-forecast")).isEqualTo(before + 1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'REJECTED'"
                                + " AND http_status = 409",
                        requestId))
                .isEqualTo(7);
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

    @Test
    void concurrentRequestsNeverOvershootTheQuota() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var subscribed =
                Http.post(api("v1/tenants/transport/subscriptions"), admin, "{\"model\": \"air-quality-forecast\"}");
        var limited = Http.put(
                api("v1/tenants/transport/quotas/air-quality-forecast"), admin, "{\"requests\": 50, \"rows\": 100000}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        var token = DemoTokens.serviceToken("transport");
        var prefix = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var body = airQualityRequest();

        var pool = Executors.newFixedThreadPool(64);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Http.Answer>>();
        for (int i = 0; i < 200; i++) {
            var requestId = prefix + i;
            answers.add(pool.submit(() -> {
                start.await();
                return Http.post(
                        api("v2/models/air-quality-forecast/infer"), token, body, Map.of("X-Request-Id", requestId));
            }));
        }
        start.countDown();
        int ok = 0;
        int tooMany = 0;
        var others = new ArrayList<String>();
        for (var answer : answers) {
            var a = answer.get();
            if (a.status() == 200) {
                ok++;
            } else if (a.status() == 429) {
                tooMany++;
                assertThat(a.json().get("resetsAt").asText()).isNotBlank();
            } else {
                others.add(a.status() + " " + a.body());
            }
        }
        pool.shutdown();

        assertThat(others).isEmpty();
        assertThat(ok).isEqualTo(50);
        assertThat(tooMany).isEqualTo(150);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = 'transport'"
                                + " AND model = 'air-quality-forecast' AND request_id LIKE ?",
                        prefix + "%"))
                .isEqualTo(50);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE request_id LIKE ?", prefix + "%"))
                .isEqualTo(200);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND http_status = 429", prefix + "%"))
                .isEqualTo(150);
        assertThat(requestsUsed(token, "air-quality-forecast")).isEqualTo(50);
        var checkpoint = Http.post(api("v1/audit/checkpoints"), DemoTokens.userToken("auditor"), "");
        assertThat(checkpoint.status()).as(checkpoint.body()).isEqualTo(200);
        assertThat(checkpoint.json().get("seq").asLong()).isGreaterThanOrEqualTo(200);
        var verification = Http.get(api("v1/audit/verify"), DemoTokens.userToken("auditor"));
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("status").asText())
                .as(verification.body())
                .isEqualTo("OK");
        assertThat(verification.json().get("eventsVerified").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(verification.json().get("checkpointsVerified").asInt()).isPositive();
        var publicKey = Http.getAny(api("v1/audit/public-key"), DemoTokens.userToken("auditor"));
        assertThat(publicKey.body()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void aVersionRecordedAtTheRequestLevelKeepsSaltedDigestsOfItsInputsNotTheInputs() {
        var id = "recording-" + UUID.randomUUID();
        var inputs = new ArrayList<Map<String, Object>>();
        var values = Map.of(
                "pregnancies",
                2,
                "glucose",
                148,
                "blood_pressure",
                72,
                "skin_thickness",
                35,
                "insulin",
                0,
                "bmi",
                33.6,
                "diabetes_pedigree",
                0.627,
                "age",
                50);
        values.forEach((name, value) ->
                inputs.add(Map.of("name", name, "datatype", "FP32", "shape", List.of(1, 1), "data", List.of(value))));
        var answer = Http.post(
                api("v2/models/health-risk/infer"),
                DemoTokens.serviceToken("health"),
                Http.json(Map.of("inputs", inputs)),
                Map.of("X-Request-Id", id));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        var summary = TestDatabase.first(
                "SELECT summary FROM audit_event WHERE action = 'inference.request' AND request_id = ?", id);
        assertThat(summary)
                .as("health-risk's card says recording: request")
                .matches("rows=1 inputs=.* digests=age:[0-9a-f]{64} blood_pressure:[0-9a-f]{64} bmi:[0-9a-f]{64}"
                        + " diabetes_pedigree:[0-9a-f]{64} glucose:[0-9a-f]{64} insulin:[0-9a-f]{64}"
                        + " pregnancies:[0-9a-f]{64} skin_thickness:[0-9a-f]{64}")
                .doesNotContain("33.6", "0.627", "148");

        var traffic = "recording-traffic-" + UUID.randomUUID();
        assertThat(Http.post(
                                api("v2/models/traffic-flow-forecast/infer"),
                                DemoTokens.serviceToken("transport"),
                                TrafficRequests.body(1, 8),
                                Map.of("X-Request-Id", traffic))
                        .status())
                .isEqualTo(200);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE action = 'inference.request' AND request_id = ?",
                        traffic))
                .as("the default, metadata: structure only")
                .doesNotContain("digests=");
    }
}
