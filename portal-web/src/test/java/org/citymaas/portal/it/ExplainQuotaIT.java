package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /explain}'s quota and refusals on the real stack, each in a department of its own: concurrent
 * explanations never overshoot the quota (an explanation takes one request and its rows, reserved as an
 * inference's), and a version whose card has no explanation method is refused with 422, nothing charged.
 */
@ExtendWith(ArquillianExtension.class)
class ExplainQuotaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAFFIC = "traffic-flow-forecast";
    /** traffic-flow-forecast version 2's files (no explanation section) published as this version. */
    private static final String UNEXPLAINED = "9";

    @ArquillianResource
    URL portal;

    private static String apiBase;

    private String api(String path) {
        apiBase = portal.toString().replaceAll("/$", "") + "/api/";
        return apiBase + path;
    }

    @AfterAll
    static void removeTheUnexplainedVersion() throws IOException {
        if (apiBase == null) {
            return;
        }
        TestDatabase.execute("DELETE FROM model_version WHERE model = ? AND version = ?", TRAFFIC, UNEXPLAINED);
        var dir = TestStack.start().modelsDirectory().resolve(TRAFFIC).resolve(UNEXPLAINED);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        // the portal reads the repository folder again
        Http.get(apiBase + "v1/models/" + TRAFFIC + "/versions", DemoTokens.userToken("platform-admin"));
    }

    @Test
    void concurrentExplanationsNeverOvershootTheQuota() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var department = department("explain-quota", "health-risk", null);
        var slug = department.slug();
        var token = department.token();
        var limited = Http.put(
                api("v1/tenants/" + slug + "/quotas/health-risk"), admin, "{\"requests\": 5, \"rows\": 100000}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        var body = HeldOutRequests.body(
                "health-risk",
                List.of(
                        "pregnancies",
                        "glucose",
                        "blood_pressure",
                        "skin_thickness",
                        "insulin",
                        "bmi",
                        "diabetes_pedigree",
                        "age"),
                1);
        var prefix = "explain-burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";

        var pool = Executors.newFixedThreadPool(20);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Http.Answer>>();
        for (int i = 0; i < 20; i++) {
            var requestId = prefix + i;
            answers.add(pool.submit(() -> {
                start.await();
                return Http.post(api("v2/models/health-risk/explain"), token, body, Map.of("X-Request-Id", requestId));
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
            } else {
                others.add(a.status() + " " + a.body());
            }
        }
        pool.shutdown();

        assertThat(others).isEmpty();
        assertThat(ok).isEqualTo(5);
        assertThat(tooMany).isEqualTo(15);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = ? AND kind = 'EXPLAIN'", slug))
                .isEqualTo(5);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND action = 'inference.explain'",
                        prefix + "%"))
                .isEqualTo(20);
    }

    @Test
    void aVersionWithoutAnExplanationMethodIs422AndNothingIsCharged() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var versions = api("v1/models/" + TRAFFIC + "/versions");
        var card = (ObjectNode) JSON.readTree(resource("model-card.json"));
        card.put("version", UNEXPLAINED);
        var uploaded = Http.postMultipart(
                versions,
                admin,
                Map.of(
                        "savedModel",
                        zip(Map.of("saved_model/saved_model.pb", resource("saved_model/saved_model.pb"))),
                        "card",
                        JSON.writeValueAsBytes(card),
                        // the approval requires the fairness table recomputed on the group columns
                        "heldout",
                        HeldOutCsv.of(TRAFFIC + "@2:20261207", java.util.Set.of())));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        var approved =
                Http.post(versions + "/" + UNEXPLAINED + "/approve", DemoTokens.userToken("platform-admin-2"), "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        var token = department("explain-none", TRAFFIC, UNEXPLAINED).token();
        var requestId = "explain-none-" + UUID.randomUUID();

        var refused = Http.post(
                api("v2/models/" + TRAFFIC + "/explain"),
                token,
                TrafficRequests.body(1, 8),
                Map.of("X-Request-Id", requestId));
        var answered = Http.post(api("v2/models/" + TRAFFIC + "/infer"), token, TrafficRequests.body(1, 8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Model cannot be explained");
        assertThat(refused.json().get("detail").asText())
                .contains(TRAFFIC, "version " + UNEXPLAINED, "no explanation method", "Nothing was charged");
        assertThat(answered.status())
                .as("the version still answers /infer: " + answered.body())
                .isEqualTo(200);
        var counts = String.join(",", java.util.Collections.nCopies(24, "800"));
        var batch = Http.postCsv(
                api("v1/models/" + TRAFFIC + "/batches?explain=true"),
                token,
                "recent_counts,hour_of_day,day_of_week,is_holiday,precipitation_mm\n\"" + counts + "\",8,2,0,0.5\n");
        assertThat(batch.status())
                .as("a batch asking for explanations: " + batch.body())
                .isEqualTo(422);
        assertThat(batch.contentType()).startsWith("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'inference.explain'"
                                + " AND outcome = 'REJECTED' AND http_status = 422",
                        requestId))
                .isEqualTo(1);
    }

    private record Department(String slug, String token) {}

    /** A department of its own subscribing to the model (pinned to a version, or not), with its API client's token. */
    private Department department(String prefix, String model, String version) {
        var admin = DemoTokens.userToken("platform-admin");
        var slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = Http.post(
                api("v1/tenants"),
                admin,
                Http.json(Map.of(
                        "id",
                        slug,
                        "nameZh",
                        "测试局",
                        "nameEn",
                        "Test Bureau",
                        "adminUsername",
                        slug + "-admin",
                        "adminEmail",
                        slug + "-admin@city.example",
                        "adminName",
                        "测试")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var subscription = version == null
                ? "{\"model\": \"" + model + "\"}"
                : "{\"model\": \"" + model + "\", \"version\": \"" + version + "\"}";
        var granted = Http.post(api("v1/tenants/" + slug + "/subscriptions"), admin, subscription);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return new Department(
                slug,
                TestStack.start()
                        .keycloak()
                        .clientCredentialsToken(
                                slug + "-api",
                                created.json().get("apiClientSecret").asText()));
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = ExplainQuotaIT.class.getResourceAsStream("/model-versions/" + TRAFFIC + "-2/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
