package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
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
 * The publishing check on fairness, through the API: a health-risk variant trained on labels biased against
 * women ({@code BiasedHealthRiskIT}, files under {@code src/test/resources/model-versions/health-risk-2-biased})
 * uploads and stages, but its approval by a second platform admin is refused with 409 naming the group and
 * metric outside the tolerance; the same variant with the fairness section cut from its card is refused for
 * having none. Nothing changes on a refusal; afterwards health-risk is put back as shipped.
 */
@ExtendWith(ArquillianExtension.class)
class FairPublishingIT {

    private static final String MODEL = "health-risk";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    URL portal;

    private static String apiBase;

    private String api(String path) {
        apiBase = portal.toString().replaceAll("/$", "") + "/api/";
        return apiBase + path;
    }

    @AfterAll
    static void putTheShippedLifecycleBack() throws Exception {
        if (apiBase == null) {
            return;
        }
        TestDatabase.execute("DELETE FROM model_default WHERE model = ?", MODEL);
        TestDatabase.execute("DELETE FROM model_version WHERE model = ?", MODEL);
        var models = TestStack.start().modelsDirectory();
        deleteTree(models.resolve(MODEL).resolve("2"));
        deleteTree(models.resolve(MODEL).resolve("3"));
        var listed = Http.get(apiBase + "v1/models/" + MODEL + "/versions", DemoTokens.userToken("platform-admin"));
        assertThat(listed.json().findValuesAsText("version")).containsExactly("1");
        Thread.sleep(3_000); // citymaas.models.status-ttl (2 s): the portal reads the rows again
    }

    @Test
    void theBiasedVariantStagesButItsApprovalIsRefusedNamingTheGroupAndMetric() throws Exception {
        var admin = DemoTokens.userToken("platform-admin");
        var second = DemoTokens.userToken("platform-admin-2");
        var versions = api("v1/models/" + MODEL + "/versions");
        var archive = zip(resource("saved_model/saved_model.pb"));

        var uploaded =
                Http.postMultipart(versions, admin, Map.of("savedModel", archive, "card", resource("model-card.json")));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("state").asText()).isEqualTo("STAGED");
        assertThat(uploaded.json().get("fairnessBlockers").toString())
                .contains("sex female: max_group_ece 0.186311, must be at most 0.1 (compared with male)");
        assertThat(uploaded.json().get("fairness").get("checks").size()).isEqualTo(10);

        var refused = Http.post(versions + "/2/approve", second, "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var problem = refused.json();
        assertThat(problem.get("detail").asText())
                .contains("model 'health-risk' version 2 cannot be published")
                .contains("sex female: max_group_ece 0.186311, must be at most 0.1");
        assertThat(problem.get("reason").asText()).isEqualTo("fairness-outside-tolerance");
        // the first check outside: age band 50-64's accuracy gap against 21-29
        assertThat(problem.get("attribute").asText()).isEqualTo("age_band");
        assertThat(problem.get("group").asText()).isEqualTo("50-64");
        assertThat(problem.get("metric").asText()).isEqualTo("accuracy_gap");
        assertThat(problem.get("tolerance").asDouble()).isEqualTo(0.1);

        // nothing changed: still staged, nobody approved it, no call reaches it
        var listed = Http.get(versions, admin).json();
        assertThat(listed.findValuesAsText("version")).containsExactly("1", "2");
        assertThat(listed.findValuesAsText("state")).containsExactly("PUBLISHED", "STAGED");
        assertThat(TestDatabase.first(
                        "SELECT state || ' ' || coalesce(approved_by, '-') FROM model_version"
                                + " WHERE model = ? AND version = '2'",
                        MODEL))
                .isEqualTo("STAGED -");
        assertThat(TestDatabase.first(
                        "SELECT outcome || ' ' || http_status || ' ' || summary FROM audit_event"
                                + " WHERE actor = 'platform-admin-2' AND action = 'model.version.approve'"
                                + " AND resource = ?",
                        "models/" + MODEL + "/versions/2"))
                .startsWith("REJECTED 409 reason fairness-outside-tolerance")
                .contains("metric accuracy_gap");

        // a card without a fairness section stages as well, and is refused for having none
        var bare = (ObjectNode) JSON.readTree(resource("model-card.json"));
        bare.put("version", "3");
        bare.remove("fairness");
        var staged = Http.postMultipart(
                versions, admin, Map.of("savedModel", archive, "card", JSON.writeValueAsBytes(bare)));
        assertThat(staged.status()).as(staged.body()).isEqualTo(201);
        var none = Http.post(versions + "/3/approve", second, "");
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.json().get("reason").asText()).isEqualTo("no-fairness-table");
        assertThat(none.json().get("detail").asText()).contains("its model card has no fairness table");
        assertThat(Http.get(versions, admin).json().findValuesAsText("state"))
                .containsExactly("PUBLISHED", "STAGED", "STAGED");
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = FairPublishingIT.class.getResourceAsStream("/model-versions/" + MODEL + "-2-biased/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] zip(byte[] savedModelPb) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("saved_model/saved_model.pb"));
            zip.write(savedModelPb);
            zip.closeEntry();
        }
        return out.toByteArray();
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
