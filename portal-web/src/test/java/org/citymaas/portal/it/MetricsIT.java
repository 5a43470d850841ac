package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus metrics at {@code /metrics} move with governed requests: a department of its own makes one
 * answered request, one for a model it does not subscribe to, one past its quota and one for a model that
 * does not exist, and each lands in its model, department and outcome, with its latency and the quota refusal.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String PASSWORD = "Metrics-Test-1";
    private static final String MODEL = "traffic-flow-forecast";
    private static final String REQUESTS = "citymaas_inference_requests_total";
    private static final String QUOTA = "citymaas_quota_refusals_total";

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private PrometheusText metrics() {
        var root = portal.getProtocol() + "://" + portal.getHost() + ":" + portal.getPort();
        var answer = Http.getWith(root + "/metrics", Map.of("Accept", "text/plain"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return PrometheusText.parse(answer.body());
    }

    private static Map<String, String> series(String model, String department, String outcome) {
        return outcome == null
                ? Map.of("model", model, "department", department)
                : Map.of("model", model, "department", department, "outcome", outcome);
    }

    @Test
    void governedRequestsAreCountedTimedAndTheirRefusalsCountedPerModelAndDepartment() {
        var keycloak = new KeycloakAdmin(TestStack.start().keycloak());
        var department = FreshDepartments.withAdmin(api(""), "met", keycloak, PASSWORD);
        var platform = DemoTokens.userToken("platform-admin");
        var subscribed = Http.post(
                api("v1/tenants/" + department + "/subscriptions"), platform, Http.json(Map.of("model", MODEL)));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        var limited = Http.put(
                api("v1/tenants/" + department + "/quotas/" + MODEL), platform, "{\"requests\": 1, \"rows\": 100}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        var before = metrics();
        assertThat(before.value(REQUESTS, series(MODEL, department, "ok"))).isZero();
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);

        var ok = Http.post(api("v2/models/" + MODEL + "/infer"), admin, TrafficRequests.body(1, 8));
        var overQuota = Http.post(api("v2/models/" + MODEL + "/infer"), admin, TrafficRequests.body(1, 9));
        var explainOverQuota = Http.post(api("v2/models/" + MODEL + "/explain"), admin, TrafficRequests.body(1, 10));
        var unsubscribed = Http.post(api("v2/models/health-risk/infer"), admin, TrafficRequests.body(1, 8));
        var unknown = Http.post(
                api("v2/models/no-such-model-"
                        + java.net.URLEncoder.encode("张伟", java.nio.charset.StandardCharsets.UTF_8) + "/infer"),
                admin,
                TrafficRequests.body(1, 8));

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(overQuota.status()).as(overQuota.body()).isEqualTo(429);
        assertThat(explainOverQuota.status()).as(explainOverQuota.body()).isEqualTo(429);
        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(404);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        var after = metrics();
        assertThat(after.value(REQUESTS, series(MODEL, department, "ok"))).isEqualTo(1);
        assertThat(after.value(REQUESTS, series(MODEL, department, "refused"))).isEqualTo(1);
        assertThat(after.value("citymaas_explain_requests_total", series(MODEL, department, "refused")))
                .as("the explanation refused for the spent quota, counted as an explanation")
                .isEqualTo(1);
        assertThat(after.value(REQUESTS, series(MODEL, department, "ok")))
                .as("not as an inference")
                .isEqualTo(1);
        assertThat(after.value(REQUESTS, series(MODEL, department, "failed"))).isZero();
        assertThat(after.value(QUOTA, series(MODEL, department, null)))
                .as("the inference's and the explanation's")
                .isEqualTo(2);
        assertThat(after.value(REQUESTS, series("health-risk", department, "refused")))
                .isEqualTo(1);
        assertThat(after.value(QUOTA, series("health-risk", department, null))).isZero();
        assertThat(after.value(REQUESTS, series("unknown", department, "refused")))
                .as("a model name the catalog does not hold is never a tag")
                .isEqualTo(1);
        assertThat(after.all()).noneMatch(s -> s.labels().values().stream().anyMatch(v -> v.contains("no-such-model")));

        // the latency histogram of the answered request: a count, a sum, Prometheus buckets
        var answered = series(MODEL, department, "ok");
        assertThat(after.value("citymaas_inference_latency_seconds_count", answered))
                .isEqualTo(1);
        assertThat(after.value("citymaas_inference_latency_seconds_sum", answered))
                .isPositive();
        var buckets = after.find("citymaas_inference_latency_seconds_bucket", answered);
        assertThat(buckets).hasSizeGreaterThan(5);
        assertThat(buckets)
                .filteredOn(b -> b.labels().get("le").equals("+Inf"))
                .singleElement()
                .satisfies(b -> assertThat(b.value()).isEqualTo(1));
        assertThat(after.value("citymaas_inference_latency_seconds_count", series(MODEL, department, "refused")))
                .isEqualTo(1);

        // the runtime ran at least this request's batch; the audit log took this request's events
        assertThat(after.value("citymaas_runtime_batches", Map.of())).isPositive();
        assertThat(after.value("citymaas_runtime_batch_rows_p50", Map.of())).isPositive();
        assertThat(after.find("citymaas_runtime_queued", Map.of())).hasSize(1);
        assertThat(after.find("citymaas_runtime_queue_depth", series(MODEL, department, null)))
                .singleElement()
                .satisfies(q -> assertThat(q.value()).isZero());
        assertThat(after.value("citymaas_audit_append_seconds_count", Map.of()))
                .isGreaterThan(before.value("citymaas_audit_append_seconds_count", Map.of()) + 3);
    }
}
