package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Publishing traffic-flow-forecast version 2 (the same simulated data, the network retrained from another
 * seed: {@code CatalogRecipes.named("traffic-flow-forecast@2:20261207")}, files under {@code
 * src/test/resources/model-versions}) through the API with two platform admins, its metrics and fairness table
 * recomputed on the held-out file with group columns that the trainer's writer makes, and hostile uploads.
 * Afterwards the model's lifecycle is put back as shipped (rows and version 2's files removed), so that the
 * other tests find version 1 the default.
 */
@ExtendWith(ArquillianExtension.class)
class ModelPublishingIT {

    private static final String MODEL = "traffic-flow-forecast";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    URL portal;

    /** The portal's {@code /api/} address, for the clean-up after all tests. */
    private static String apiBase;

    private String api(String path) {
        apiBase = portal.toString().replaceAll("/$", "") + "/api/";
        return apiBase + path;
    }

    private static Path models() {
        return TestStack.start().modelsDirectory();
    }

    @AfterAll
    static void putTheShippedLifecycleBack() throws Exception {
        if (apiBase == null) {
            return;
        }
        TestDatabase.execute("DELETE FROM model_default WHERE model = ?", MODEL);
        TestDatabase.execute("DELETE FROM model_version WHERE model = ?", MODEL);
        deleteTree(models().resolve(MODEL).resolve("2"));
        deleteTree(models().resolve(MODEL).resolve("4"));
        // the portal reads the repository folder again (version 2 is gone from its catalog)
        var listed = Http.get(apiBase + "v1/models/" + MODEL + "/versions", DemoTokens.userToken("platform-admin"));
        assertThat(listed.json().findValuesAsText("version")).containsExactly("1");
        Thread.sleep(3_000); // citymaas.models.status-ttl (2 s): the portal reads the rows again
    }

    @Test
    void twoAdminsPublishVersion2UnpinnedCallsMoveToItPinnedOnesStayUntilRetired() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var second = DemoTokens.userToken("platform-admin-2");
        var unpinned = department(admin, null);
        var pinned = department(admin, "1");
        var versions = api("v1/models/" + MODEL + "/versions");

        assertThat(call(unpinned, null).json().get("model_version").asText()).isEqualTo("1");

        var archive = zip(Map.of("saved_model/saved_model.pb", resource("saved_model/saved_model.pb")));
        // with the held-out file (group columns included) the platform recomputes its fairness table, which the
        // approval requires (citymaas.models.fairness.require-recomputed)
        var uploaded = Http.postMultipart(
                versions,
                admin,
                Map.of(
                        "savedModel",
                        archive,
                        "card",
                        resource("model-card.json"),
                        "heldout",
                        HeldOutCsv.of(MODEL + "@2:20261207", Set.of())));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("state").asText()).isEqualTo("STAGED");
        assertThat(uploaded.json().get("uploadedBy").asText()).isEqualTo("platform-admin");
        assertThat(uploaded.json().get("archiveSha256").asText()).isEqualTo(sha256(archive));
        assertThat(uploaded.json().get("metricsNote").asText()).startsWith("measured on 7440 held-out rows: ");
        assertThat(uploaded.json().get("fairnessNote").asText()).isEqualTo("fairness recomputed on 7440 held-out rows");
        assertThat(uploaded.json().get("fairnessBlockers").size()).isZero();
        assertThat(models().resolve(MODEL + "/2/saved_model/saved_model.pb")).exists();

        // staged: nobody's calls reach it
        assertThat(call(unpinned, null).json().get("model_version").asText()).isEqualTo("1");
        assertThat(call(unpinned, "2").status()).isEqualTo(404);

        var selfApproved = Http.post(versions + "/2/approve", admin, "");
        assertThat(selfApproved.status()).as(selfApproved.body()).isEqualTo(403);
        assertThat(selfApproved.contentType()).startsWith("application/problem+json");
        assertThat(selfApproved.json().get("detail").asText()).contains("another platform admin must approve it");
        var defaultBeforeApproval = Http.post(versions + "/2/default", second, "");
        assertThat(defaultBeforeApproval.status())
                .as(defaultBeforeApproval.body())
                .isEqualTo(409);

        var approved = Http.post(versions + "/2/approve", second, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(approved.json().get("approvedBy").asText()).isEqualTo("platform-admin-2");
        assertThat(approved.json().get("fairnessRows").asInt())
                .as("approved on the recomputed table")
                .isEqualTo(7440);
        assertThat(Http.post(versions + "/2/approve", second, "").status()).isEqualTo(409);

        var made = Http.post(versions + "/2/default", admin, "");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().get("defaultVersion").asBoolean()).isTrue();

        var byDefault = call(unpinned, null);
        assertThat(byDefault.json().get("model_version").asText()).isEqualTo("2");
        var v1 = call(unpinned, "1");
        assertThat(v1.json().get("model_version").asText()).isEqualTo("1");
        assertThat(prediction(byDefault)).as("another network answers").isNotEqualTo(prediction(v1));
        assertThat(call(pinned, null).json().get("model_version").asText()).isEqualTo("1");
        assertThat(call(pinned, "2").status()).as("pinned to 1").isEqualTo(404);

        var deprecated = Http.post(versions + "/1/deprecate", admin, "");
        assertThat(deprecated.json().get("state").asText())
                .as(deprecated.body())
                .isEqualTo("DEPRECATED");
        assertThat(call(pinned, null).json().get("model_version").asText()).isEqualTo("1");
        var retiringDefault = Http.post(versions + "/2/retire", admin, "");
        assertThat(retiringDefault.status()).as(retiringDefault.body()).isEqualTo(409);
        assertThat(retiringDefault.json().get("detail").asText()).contains("is the default");

        var retired = Http.post(versions + "/1/retire", second, "");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("state").asText()).isEqualTo("RETIRED");
        assertThat(retired.json().get("replacement").asText()).isEqualTo("2");

        for (var gone : List.of(call(pinned, null), call(pinned, "1"), call(unpinned, "1"))) {
            assertThat(gone.status()).as(gone.body()).isEqualTo(410);
            assertThat(gone.contentType()).startsWith("application/problem+json");
            assertThat(gone.json().get("replacement").asText()).isEqualTo("2");
            assertThat(gone.json().get("detail").asText()).contains("version 1 is retired; use version 2");
        }
        assertThat(call(unpinned, null).json().get("model_version").asText()).isEqualTo("2");
        var rollBack = Http.post(api("v1/models/" + MODEL + "/default/rollback"), admin, "");
        assertThat(rollBack.status()).as(rollBack.body()).isEqualTo(409);
        assertThat(rollBack.json().get("detail").asText()).contains("RETIRED");

        var listed = Http.get(versions, second).json();
        assertThat(listed.findValuesAsText("version")).containsExactly("1", "2");
        assertThat(listed.findValuesAsText("state")).containsExactly("RETIRED", "PUBLISHED");
        assertThat(Http.get(versions, DemoTokens.serviceToken("transport")).status())
                .isEqualTo(403);

        var resource = "models/" + MODEL + "/versions/";
        assertThat(TestDatabase.auditEvents("platform-admin", "model.version.upload", resource + "2"))
                .isEqualTo(1);
        assertThat(TestDatabase.first(
                        "SELECT outcome || ' ' || http_status FROM audit_event WHERE actor = 'platform-admin'"
                                + " AND action = 'model.version.approve' AND resource = ?",
                        resource + "2"))
                .isEqualTo("DENIED 403");
        assertThat(TestDatabase.auditEvents("platform-admin-2", "model.version.approve", resource + "2"))
                .isEqualTo(2); // approved, then refused as already published
        assertThat(TestDatabase.auditEvents("platform-admin", "model.version.default", resource + "2"))
                .isEqualTo(1);
        assertThat(TestDatabase.auditEvents("platform-admin", "model.version.deprecate", resource + "1"))
                .isEqualTo(1);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE actor = 'platform-admin-2'"
                                + " AND action = 'model.version.retire' AND resource = ?",
                        resource + "1"))
                .isEqualTo("from DEPRECATED to RETIRED, replacement 2");
        var verification = Http.get(api("v1/audit/verify"), DemoTokens.userToken("auditor"));
        assertThat(verification.json().get("status").asText())
                .as(verification.body())
                .isEqualTo("OK");
    }

    @Test
    void hostileUploadsAreRefusedWithTheReasonAndLeaveNothingBehind() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var versions = api("v1/models/" + MODEL + "/versions");
        var pb = resource("saved_model/saved_model.pb");
        var card = card3();
        var bad = new LinkedHashMap<String, Map<String, byte[]>>();
        bad.put(
                "path-traversal",
                Map.of(
                        "savedModel",
                        zip(Map.of("saved_model/saved_model.pb", pb, "../../../escaped.txt", new byte[] {1})),
                        "card",
                        bytes(card)));
        bad.put(
                "zip-bomb",
                Map.of(
                        "savedModel",
                        zip(Map.of(
                                "saved_model/saved_model.pb", pb, "saved_model/variables/zeros", new byte[50 << 20])),
                        "card",
                        bytes(card)));
        bad.put(
                "not-a-saved-model",
                Map.of("savedModel", zip(Map.of("README.txt", "a model".getBytes())), "card", bytes(card)));
        bad.put(
                "samples-failed",
                Map.of(
                        "savedModel",
                        zip(Map.of("saved_model/saved_model.pb", "not a protobuf".getBytes())),
                        "card",
                        bytes(card)));
        var incomplete = card3();
        incomplete.remove("intended_use");
        incomplete.remove("sample_inputs");
        bad.put(
                "card-missing-fields",
                Map.of("savedModel", zip(Map.of("saved_model/saved_model.pb", pb)), "card", bytes(incomplete)));
        var before = tree(models());

        for (var hostile : bad.entrySet()) {
            var answer = Http.postMultipart(versions, admin, hostile.getValue());

            assertThat(answer.status())
                    .as(hostile.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("reason").asText()).isEqualTo(hostile.getKey());
            assertThat(answer.json().get("detail").asText()).isNotBlank();
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_event WHERE actor = 'platform-admin'"
                                    + " AND action = 'model.version.upload' AND outcome = 'REJECTED' AND summary = ?",
                            "reason " + hostile.getKey()))
                    .isPositive();
        }
        assertThat(incomplete.has("intended_use")).isFalse();
        assertThat(tree(models())).isEqualTo(before);
        assertThat(models().resolve(MODEL).resolve("3")).doesNotExist();
        assertThat(models().getParent().resolve("escaped.txt")).doesNotExist();
        assertThat(TestDatabase.count("SELECT count(*) FROM model_version WHERE version = '3'"))
                .isZero();
        assertThat(Http.get(versions, admin).json().findValuesAsText("version")).doesNotContain("3");
    }

    @Test
    void aHeldOutFileFromTheTrainersGeneratorRecomputesTheDeclaredMetricThenTheVersionIsStaged() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var versions = api("v1/models/" + MODEL + "/versions");
        var card = (ObjectNode) JSON.readTree(resource("model-card.json"));
        card.put("version", "4");
        var declared = card.get("metrics").get(0).get("value").asDouble();
        var declaredBaseline = card.get("metrics").get(0).get("baseline_value").asDouble();
        try {
            var uploaded = Http.postMultipart(
                    versions,
                    admin,
                    Map.of(
                            "savedModel",
                            zip(Map.of("saved_model/saved_model.pb", resource("saved_model/saved_model.pb"))),
                            "card",
                            bytes(card),
                            "heldout",
                            HeldOutCsv.of(MODEL + "@2:20261207", Set.of())));

            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            var view = uploaded.json();
            assertThat(view.get("state").asText()).isEqualTo("STAGED");
            assertThat(view.get("heldOutRows").asInt()).isEqualTo(7440);
            var mae = view.get("measuredMetrics").get(0);
            assertThat(mae.get("name").asText()).isEqualTo("mae_vehicles_per_hour");
            assertThat(mae.get("declared").asDouble()).isEqualTo(declared);
            assertThat(mae.get("measured").asDouble())
                    .as("the runtime's batches score as the trainer did")
                    .isCloseTo(declared, withinPercentage(0.5));
            assertThat(mae.get("measuredBaseline").asDouble()).isCloseTo(declaredBaseline, within(1e-3));
            assertThat(view.get("metricsNote").asText())
                    .startsWith("measured on 7440 held-out rows: mae_vehicles_per_hour ")
                    .endsWith("(declared 39.5411)");
            var listed = Http.get(versions, admin).json();
            var four = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                    .filter(v -> v.get("version").asText().equals("4"))
                    .findFirst()
                    .orElseThrow();
            assertThat(four.get("metricsNote").asText())
                    .isEqualTo(view.get("metricsNote").asText());
            // the group columns: the fairness table recomputed on the same rows, agreeing with the card's
            assertThat(view.get("fairnessRows").asInt()).isEqualTo(7440);
            assertThat(view.get("fairnessNote").asText()).isEqualTo("fairness recomputed on 7440 held-out rows");
            var declaredCheck =
                    card.get("fairness").get("checks").get(0).get("value").asDouble();
            var measuredCheck = view.get("measuredFairness").get("checks").get(0);
            assertThat(measuredCheck.get("metric").asText()).isEqualTo("relative_mae_ratio");
            assertThat(measuredCheck.get("value").asDouble()).isCloseTo(declaredCheck, withinPercentage(0.5));
            assertThat(TestDatabase.first(
                            "SELECT jsonb_array_length(measured_fairness -> 'groups') || ' '"
                                    + " || (measured_fairness -> 'checks' -> 0 ->> 'metric') FROM model_version"
                                    + " WHERE model = ? AND version = '4'",
                            MODEL))
                    .isEqualTo(card.get("fairness").get("groups").size() + " relative_mae_ratio");
            assertThat(TestDatabase.first(
                            "SELECT held_out_rows || ' ' || count(m.metric) FROM model_version v"
                                    + " LEFT JOIN model_version_metric m USING (model, version)"
                                    + " WHERE v.model = ? AND v.version = '4' GROUP BY held_out_rows",
                            MODEL))
                    .isEqualTo("7440 1");
            var summary = TestDatabase.first(
                    "SELECT summary FROM audit_event WHERE actor = 'platform-admin' AND action = 'model.version.upload'"
                            + " AND outcome = 'OK' AND resource = ? ORDER BY seq DESC LIMIT 1",
                    "models/" + MODEL + "/versions/4");
            assertThat(summary)
                    .contains("held-out rows 7440: mae_vehicles_per_hour declared 39.5411 measured ")
                    .contains("baseline declared 123.916 measured 123.916")
                    .contains("fairness recomputed on 7440 rows: 0 of 1 checks outside the tolerance")
                    .doesNotContain("recent_counts")
                    .doesNotContain("Centre");
        } finally {
            TestDatabase.execute("DELETE FROM model_version WHERE model = ? AND version = '4'", MODEL);
            deleteTree(models().resolve(MODEL).resolve("4"));
            assertThat(Http.get(versions, admin).json().findValuesAsText("version"))
                    .doesNotContain("4");
        }
    }

    @Test
    void heldOutFilesThatContradictTheCardOrLackAColumnAreRefusedAndLeaveNothingBehind() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var versions = api("v1/models/" + MODEL + "/versions");
        var archive = zip(Map.of("saved_model/saved_model.pb", resource("saved_model/saved_model.pb")));
        var heldOut = HeldOutCsv.of(MODEL + "@2:20261207", Set.of());
        var boasting = card3();
        var mae = (ObjectNode) boasting.get("metrics").get(0);
        var declared = mae.get("value").asDouble();
        mae.put("value", declared / 2);
        var before = tree(models());

        var mismatch = Http.postMultipart(
                versions, admin, Map.of("savedModel", archive, "card", bytes(boasting), "heldout", heldOut));

        assertThat(mismatch.status()).as(mismatch.body()).isEqualTo(400);
        assertThat(mismatch.contentType()).startsWith("application/problem+json");
        var problem = mismatch.json();
        assertThat(problem.get("reason").asText()).isEqualTo("heldout-mismatch");
        assertThat(problem.get("metric").asText()).isEqualTo("mae_vehicles_per_hour");
        assertThat(problem.get("declared").asDouble()).isEqualTo(declared / 2);
        assertThat(problem.get("measured").asDouble()).isCloseTo(declared, withinPercentage(0.5));
        assertThat(problem.get("rows").asInt()).isEqualTo(7440);
        assertThat(problem.get("detail").asText()).contains("mae_vehicles_per_hour", "7440 held-out rows");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE actor = 'platform-admin'"
                        + " AND action = 'model.version.upload' AND outcome = 'REJECTED'"
                        + " AND summary LIKE 'reason heldout-mismatch, declared 19.77%, measured 39.5%,"
                        + " metric mae_vehicles_per_hour, rows 7440'"))
                .isPositive();

        var lacking = HeldOutCsv.of(MODEL + "@2:20261207", Set.of("precipitation_mm"));
        var missing = Http.postMultipart(
                versions, admin, Map.of("savedModel", archive, "card", bytes(card3()), "heldout", lacking));

        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("reason").asText()).isEqualTo("heldout-invalid");
        assertThat(missing.json().get("column").asText()).isEqualTo("precipitation_mm");
        assertThat(missing.json().get("detail").asText()).contains("lacks the column 'precipitation_mm'");

        assertThat(tree(models())).isEqualTo(before);
        assertThat(models().resolve(MODEL).resolve("3")).doesNotExist();
        assertThat(TestDatabase.count("SELECT count(*) FROM model_version WHERE version = '3'"))
                .isZero();
        assertThat(Http.get(versions, admin).json().findValuesAsText("version")).doesNotContain("3");
    }

    /** A new department subscribed to the model (pinned to {@code version}, or not), as its API client's token. */
    private String department(String admin, String version) {
        var slug = "publish-" + UUID.randomUUID().toString().substring(0, 8);
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
                ? "{\"model\": \"" + MODEL + "\"}"
                : "{\"model\": \"" + MODEL + "\", \"version\": \"" + version + "\"}";
        var granted = Http.post(api("v1/tenants/" + slug + "/subscriptions"), admin, subscription);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return TestStack.start()
                .keycloak()
                .clientCredentialsToken(
                        slug + "-api", created.json().get("apiClientSecret").asText());
    }

    private Http.Answer call(String token, String version) {
        var path = "v2/models/" + MODEL + (version == null ? "" : "/versions/" + version) + "/infer";
        return Http.post(api(path), token, TrafficRequests.body(1, 8));
    }

    private static double prediction(Http.Answer answer) {
        JsonNode outputs = answer.json().get("outputs");
        return outputs.get(0).get("data").get(0).asDouble();
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = ModelPublishingIT.class.getResourceAsStream("/model-versions/" + MODEL + "-2/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Version 2's card as version 3 (never stored: every upload of it is hostile). */
    private static ObjectNode card3() throws IOException {
        var card = (ObjectNode) JSON.readTree(resource("model-card.json"));
        card.put("version", "3");
        return card;
    }

    private static byte[] bytes(JsonNode card) throws IOException {
        return JSON.writeValueAsBytes(card);
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every path under the folder, with each file's size. */
    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p)
                            + (Files.isRegularFile(p) ? " " + p.toFile().length() : ""))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
