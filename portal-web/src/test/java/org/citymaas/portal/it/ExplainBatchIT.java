package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A batch that asks for explanations: each line's attribution as extra columns of its results. */
@ExtendWith(ArquillianExtension.class)
class ExplainBatchIT {

    private static final List<String> INPUTS = List.of(
            "pregnancies", "glucose", "blood_pressure", "skin_thickness", "insulin", "bmi", "diabetes_pedigree", "age");

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void anExplainedBatchHasEachLinesSharesAsColumnsAndIsMeteredAsExplanations() {
        var token = DemoTokens.serviceToken("health");
        var csv = String.join(",", INPUTS) + "\n" + "2,148,72,35,0,33.6,0.627,50\n" + "1,85,66,29,0,26.6,0.351,31\n"
                + "8,183,64,0,0,23.3,0.672,32\n";

        var submitted = Http.postCsv(api("v1/models/health-risk/batches?explain=true"), token, csv);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.json().get("explain").asBoolean()).isTrue();
        var id = submitted.json().get("id").asText();
        var answer = new Http.Answer[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    answer[0] = Http.get(api("v1/batches/" + id), token);
                    return answer[0].json().get("status").asText().equals("DONE");
                });
        assertThat(answer[0].json().get("okRows").asInt()).as(answer[0].body()).isEqualTo(3);
        var results = Http.getAny(api("v1/batches/" + id + "/results"), token);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        var rows = results.body().substring(1).split("\r\n");
        var header = Arrays.asList(rows[0].split(","));
        assertThat(header)
                .containsSubsequence(
                        "diabetes_risk", "baseline", "pregnancies_attribution", "age_attribution", "status");
        for (int r = 1; r <= 3; r++) {
            var cells = Arrays.asList(rows[r].split(","));
            assertThat(cells.get(header.indexOf("status"))).isEqualTo("OK");
            var prediction = Double.parseDouble(cells.get(header.indexOf("diabetes_risk")));
            var baseline = Double.parseDouble(cells.get(header.indexOf("baseline")));
            var sum = 0.0;
            for (var input : INPUTS) {
                sum += Double.parseDouble(cells.get(header.indexOf(input + "_attribution")));
            }
            // the card's tolerance (1e-4) plus the file's six decimals per cell
            assertThat(sum).as(rows[r]).isCloseTo(prediction - baseline, within(1e-4 + 1e-5));
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = 'health' AND kind = 'EXPLAIN'"
                                + " AND request_id LIKE ?",
                        "batch-" + id + "-%"))
                .isEqualTo(3);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'inference.explain' AND request_id LIKE ?",
                        "batch-" + id + "-%"))
                .isEqualTo(3);
        var plain = Http.postCsv(api("v1/models/health-risk/batches"), token, csv);
        assertThat(plain.json().get("explain").asBoolean()).isFalse();
    }
}
