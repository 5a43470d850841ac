package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV batch scoring end to end on the real stack: a department's file scored line by line through
 * the governed gateway (each line metered and audited on its own, a refused line reported with its
 * line number), a finished line's input kept only masked, unusable files refused whole, jobs
 * visible to their department only, and the retention that purges jobs finished long ago.
 */
@ExtendWith(ArquillianExtension.class)
class BatchScoringIT {

    static final String HEADER = "recent_counts,hour_of_day,day_of_week,is_holiday,precipitation_mm";

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    /** A traffic file of {@code lines} data lines; the line at {@code badIndex} asks for hour 30. */
    static String trafficCsv(int lines, int badIndex) {
        var csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < lines; i++) {
            var counts = new ArrayList<String>();
            for (int h = 0; h < 24; h++) {
                counts.add(String.valueOf(300 + 10 * i + h));
            }
            csv.append('"')
                    .append(String.join(",", counts))
                    .append("\",")
                    .append(i == badIndex ? 30 : i % 24)
                    .append(",2,0,0.5\n");
        }
        return csv.toString();
    }

    private Http.Answer awaitDone(String id, String token) {
        var answer = new Http.Answer[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    answer[0] = Http.get(api("v1/batches/" + id), token);
                    assertThat(answer[0].status()).as(answer[0].body()).isEqualTo(200);
                    return answer[0].json().get("status").asText().equals("DONE");
                });
        return answer[0];
    }

    /** The data lines of a results file (without its byte order mark and header). */
    static List<String> dataLines(String csv) {
        assertThat(csv).startsWith("\uFEFF");
        var lines = csv.substring(1).split("\r\n");
        return Arrays.asList(lines).subList(1, lines.length);
    }

    @Test
    void aFileIsScoredLineByLineEachMeteredAndAuditedAndARefusedLineIsReported() {
        var token = DemoTokens.serviceToken("transport");
        var submitted = Http.postCsv(
                api("v1/models/traffic-flow-forecast/batches?fileName=counts.csv"), token, trafficCsv(20, 6));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var id = submitted.json().get("id").asText();
        assertThat(submitted.json().get("totalRows").asInt()).isEqualTo(20);
        assertThat(submitted.json().get("fileName").asText()).isEqualTo("counts.csv");

        var done = awaitDone(id, token).json();
        assertThat(done.get("okRows").asInt()).isEqualTo(19);
        assertThat(done.get("failedRows").asInt()).isEqualTo(1);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.at("/failures/0/line").asInt())
                .as("header is line 1, the 7th data line is line 8")
                .isEqualTo(8);
        assertThat(done.at("/failures/0/status").asInt()).isEqualTo(400);
        assertThat(done.at("/failures/0/message").asText()).contains("hour_of_day");
        assertThat(done.at("/failures/0/errors/0/field").asText()).isEqualTo("hour_of_day");
        assertThat(done.at("/failures/0/errors/0/rule").asText()).isEqualTo("maximum");

        var results = Http.getAny(api("v1/batches/" + id + "/results"), token);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(results.contentType()).startsWith("text/csv");
        assertThat(results.body().substring(1)).startsWith("line," + HEADER + ",vehicles_next_hour,status,error");
        var lines = dataLines(results.body());
        assertThat(lines).hasSize(20);
        for (int i = 0; i < 20; i++) {
            var line = lines.get(i);
            assertThat(line).startsWith((i + 2) + ",\"" + (300 + 10 * i) + ",");
            if (i == 6) {
                assertThat(line).contains(",400,").contains("hour_of_day");
            } else {
                assertThat(line).matches(".*,[0-9]+(\\.[0-9]+)?,OK,$");
            }
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = 'transport' AND request_id LIKE ?"
                                + " AND caller = 'transport-api'",
                        "batch-" + id + "-%"))
                .isEqualTo(19);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE request_id LIKE ?", "batch-" + id + "-%"))
                .isEqualTo(20);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'REJECTED'"
                                + " AND http_status = 400",
                        "batch-" + id + "-8"))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'batch.submit' AND resource = ?"
                                + " AND actor = 'transport-api' AND tenant = 'transport'",
                        "models/traffic-flow-forecast/batches/" + id))
                .isEqualTo(1);
        var recent = Http.get(api("v1/batches"), token);
        assertThat(recent.json().findValuesAsText("id")).contains(id);
    }

    @Test
    void aFinishedLineKeepsOnlyItsMaskedInputInTheDatabaseAndTheResults() {
        var token = DemoTokens.serviceToken("hotline");
        var complaints = List.of(
                "来电人张伟反映工地夜间施工噪音很大，电话13812345678，身份证号110105199003074579。",
                "市民李娜称小区垃圾三天没人清运，联系电话13812345678。",
                "身份证号110105199003074579的市民反映公交车长时间不来。");
        var csv = new StringBuilder("text\n");
        complaints.forEach(c -> csv.append(c).append('\n'));

        var submitted = Http.postCsv(api("v1/models/complaint-routing/batches"), token, csv.toString());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var id = submitted.json().get("id").asText();
        assertThat(awaitDone(id, token).json().get("okRows").asInt()).isEqualTo(3);
        var job = UUID.fromString(id);
        assertThat(TestDatabase.count("SELECT count(*) FROM batch_row WHERE job_id = ?", job))
                .isEqualTo(3);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM batch_row WHERE job_id = ? AND (input::text LIKE '%13812345678%'"
                                + " OR input::text LIKE '%110105199003074579%' OR input::text LIKE '%张伟%')",
                        job))
                .as("no raw phone, ID number or name stays in batch_row.input")
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM batch_row WHERE job_id = ? AND input->>'text' LIKE '%138****5678%'", job))
                .as("the masked text is kept in place of the raw one")
                .isEqualTo(2);
        var results = Http.getAny(api("v1/batches/" + id + "/results"), token);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(results.body())
                .doesNotContain("13812345678", "110105199003074579", "张伟")
                .contains("138****5678", "噪音", "垃圾");
        var lines = dataLines(results.body());
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.get(i))
                    .as("line number, masked text, department and category with their scores")
                    .startsWith((i + 2) + ",")
                    .matches(".*,[^,/]+,[0-9.]+,[^,/]+/[^,]+,[0-9.]+,OK,$");
        }
    }

    @Test
    void unusableFilesAre400NamingTheColumnAndKeepNothing() {
        var token = DemoTokens.serviceToken("transport");
        var url = api("v1/models/traffic-flow-forecast/batches");
        var jobsBefore = TestDatabase.count("SELECT count(*) FROM batch_job WHERE tenant_id = 'transport'");

        var unknown = Http.postCsv(url, token, trafficCsv(2, -1).replace("is_holiday", "holiday"));
        var missing = Http.postCsv(
                url, token, trafficCsv(2, -1).replace(",precipitation_mm", "").replace(",0.5\n", "\n"));
        var empty = Http.postCsv(url, token, "");
        var malformed = Http.postCsv(url, token, HEADER + "\n\"1,2,3,1,2,0,0\n");

        for (var answer : List.of(unknown, missing, empty, malformed)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(unknown.json().get("detail").asText()).contains("holiday");
        assertThat(unknown.json().get("errors").findValuesAsText("field")).contains("holiday", "is_holiday");
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("precipitation_mm");
        assertThat(empty.json().get("errors").findValuesAsText("rule")).containsExactly("empty");
        assertThat(malformed.json().get("errors").findValuesAsText("rule")).containsExactly("csv");
        assertThat(TestDatabase.count("SELECT count(*) FROM batch_job WHERE tenant_id = 'transport'"))
                .isEqualTo(jobsBefore);
    }

    @Test
    void anotherDepartmentsJobAndAnUnsubscribedModelAre404() {
        var transport = DemoTokens.serviceToken("transport");
        var health = DemoTokens.serviceToken("health");
        var submitted = Http.postCsv(api("v1/models/traffic-flow-forecast/batches"), transport, trafficCsv(1, -1));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var id = submitted.json().get("id").asText();

        var foreign = Http.get(api("v1/batches/" + id), health);
        var foreignResults = Http.getAny(api("v1/batches/" + id + "/results"), health);
        var unknownId = Http.get(api("v1/batches/" + UUID.randomUUID()), transport);
        var notAnId = Http.get(api("v1/batches/not-a-job"), transport);
        var unsubscribed = Http.postCsv(api("v1/models/health-risk/batches"), transport, trafficCsv(1, -1));
        var unsubscribedTemplate = Http.getAny(api("v1/models/health-risk/batch-template"), transport);

        for (var answer : List.of(foreign, foreignResults, unknownId, notAnId, unsubscribed, unsubscribedTemplate)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(Http.get(api("v1/batches"), health).json().findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(awaitDone(id, transport).json().get("okRows").asInt()).isEqualTo(1);
    }

    @Test
    void theTemplateIsAHeaderAndAnExampleLineThatScores() {
        var token = DemoTokens.serviceToken("transport");

        var template = Http.getAny(api("v1/models/traffic-flow-forecast/batch-template"), token);

        assertThat(template.status()).as(template.body()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("text/csv");
        assertThat(template.body()).startsWith(HEADER + "\r\n");
        var submitted = Http.postCsv(api("v1/models/traffic-flow-forecast/batches"), token, template.body());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var done = awaitDone(submitted.json().get("id").asText(), token).json();
        assertThat(done.get("okRows").asInt()).as(done.toString()).isEqualTo(1);
    }

    @Test
    void retentionDeletesTheLinesAndFileNameOfJobsFinishedLongAgoKeepsTheirCountsAndIsAuditedOnce() {
        var transport = DemoTokens.serviceToken("transport");
        var admin = DemoTokens.userToken("platform-admin");
        var fileName = "张伟投诉.csv";
        var old = Http.postCsv(
                api("v1/models/traffic-flow-forecast/batches?fileName="
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8)),
                transport,
                trafficCsv(3, -1));
        var recent = Http.postCsv(api("v1/models/traffic-flow-forecast/batches"), transport, trafficCsv(1, -1));
        assertThat(old.status()).as(old.body()).isEqualTo(202);
        assertThat(recent.status()).as(recent.body()).isEqualTo(202);
        var oldId = old.json().get("id").asText();
        var recentId = recent.json().get("id").asText();
        awaitDone(oldId, transport);
        awaitDone(recentId, transport);
        var oldJob = UUID.fromString(oldId);
        var recentJob = UUID.fromString(recentId);
        TestDatabase.execute(
                "UPDATE batch_job SET created_at = now() - interval '40 days', started_at = now() - interval"
                        + " '40 days', finished_at = now() - interval '31 days' WHERE id = ?",
                oldJob);
        // a job still running after 40 days (the portal that ran it stopped) and a hotline job that failed
        // 31 days ago with a line that never ran (its raw complaint still stored)
        var running = UUID.randomUUID();
        var failed = UUID.randomUUID();
        TestDatabase.execute("INSERT INTO batch_job (id, tenant_id, caller, caller_sub, caller_kind, model,"
                + " model_version, file_name, columns, total_rows, status, created_at, started_at) VALUES ('"
                + running + "', 'transport', 'transport-api', 'sub', 'SERVICE', 'traffic-flow-forecast', '1',"
                + " 'running.csv', '[\"hour_of_day\"]', 1, 'RUNNING', now() - interval '40 days',"
                + " now() - interval '40 days')");
        TestDatabase.execute("INSERT INTO batch_row (job_id, line, input, request_id) VALUES ('" + running
                + "', 2, '{\"hour_of_day\": \"7\"}', 'batch-" + running + "-2')");
        TestDatabase.execute("INSERT INTO batch_job (id, tenant_id, caller, caller_sub, caller_kind, model,"
                + " model_version, file_name, columns, total_rows, status, ok_rows, created_at, started_at,"
                + " finished_at) VALUES ('" + failed + "', 'hotline', 'hotline-api', 'sub', 'SERVICE',"
                + " 'complaint-routing', '1', '李娜.csv', '[\"text\"]', 2, 'FAILED', 1, now() - interval '40 days',"
                + " now() - interval '40 days', now() - interval '31 days')");
        TestDatabase.execute("INSERT INTO batch_row (job_id, line, input, request_id, output, finished_at) VALUES"
                + " ('" + failed + "', 2, '{\"text\": \"路灯坏了\"}', 'batch-" + failed + "-2', '{\"outputs\": []}',"
                + " now() - interval '31 days'), ('" + failed + "', 3, '{\"text\": \"联系电话13912345678\"}',"
                + " 'batch-" + failed + "-3', NULL, NULL)");
        var lastEvent = TestDatabase.count("SELECT coalesce(max(seq), 0) FROM audit_event");
        var oldUsage =
                TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id LIKE ?", "batch-" + oldId + "-%");
        var oldAudit =
                TestDatabase.count("SELECT count(*) FROM audit_event WHERE request_id LIKE ?", "batch-" + oldId + "-%");

        var byStaff = Http.post(api("v1/admin/retention/run"), transport, "");
        var run = Http.post(api("v1/admin/retention/run"), admin, "");

        assertThat(byStaff.status()).as("only platform admins run it").isEqualTo(403);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("olderThan").asText()).isEqualTo("P30D");
        assertThat(run.json().get("jobs").asInt()).as(run.body()).isEqualTo(2);
        assertThat(run.json().get("lines").asLong()).as(run.body()).isEqualTo(5);
        assertThat(run.json().at("/departments/transport").asInt()).isEqualTo(1);
        assertThat(run.json().at("/departments/hotline").asInt()).isEqualTo(1);
        for (var purged : List.of(oldJob, failed)) {
            assertThat(TestDatabase.count("SELECT count(*) FROM batch_row WHERE job_id = ?", purged))
                    .as("the lines are gone")
                    .isZero();
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM batch_job WHERE id = ? AND purged_at IS NOT NULL AND file_name IS NULL",
                            purged))
                    .as("the job stays, without its file name")
                    .isEqualTo(1);
        }
        var tombstone = Http.get(api("v1/batches/" + oldId), transport);
        assertThat(tombstone.status()).as(tombstone.body()).isEqualTo(200);
        assertThat(tombstone.json().get("status").asText()).isEqualTo("DONE");
        assertThat(tombstone.json().get("okRows").asInt()).isEqualTo(3);
        assertThat(tombstone.json().hasNonNull("purgedAt")).as(tombstone.body()).isTrue();
        assertThat(tombstone.json().hasNonNull("fileName"))
                .as("the file name is gone: " + tombstone.body())
                .isFalse();
        var gone = Http.getAny(api("v1/batches/" + oldId + "/results"), transport);
        assertThat(gone.status()).as(gone.body()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("detail").asText()).contains("deleted", "P30D");
        assertThat(Http.getAny(api("v1/batches/" + recentId + "/results"), transport)
                        .status())
                .isEqualTo(200);
        for (var untouched : List.of(recentJob, running)) {
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM batch_row r JOIN batch_job j ON j.id = r.job_id WHERE j.id = ?"
                                    + " AND j.purged_at IS NULL AND j.file_name IS NOT NULL",
                            untouched))
                    .as("a recent job and a running one keep their lines")
                    .isEqualTo(1);
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE request_id LIKE ?", "batch-" + oldId + "-%"))
                .as("usage is billing's: kept")
                .isEqualTo(oldUsage)
                .isEqualTo(3);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ?", "batch-" + oldId + "-%"))
                .as("the audit trail is kept")
                .isEqualTo(oldAudit)
                .isEqualTo(3);
        var retentionEvents = "SELECT count(*) FROM audit_event WHERE action = 'batch.retention' AND seq > ?";
        assertThat(TestDatabase.count(retentionEvents, lastEvent)).isEqualTo(1);
        var summary = TestDatabase.first(
                "SELECT summary FROM audit_event WHERE action = 'batch.retention' AND seq > ? AND actor ="
                        + " 'platform-admin' AND resource = 'batches/retention' AND outcome = 'OK'",
                lastEvent);
        assertThat(summary)
                .matches("jobs=2 lines=5 older-than=P30D cutoff=\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z"
                        + " departments=hotline:1,transport:1")
                .doesNotContain("张伟", "李娜", ".csv");

        var again = Http.post(api("v1/admin/retention/run"), admin, "");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("jobs").asInt()).isZero();
        assertThat(TestDatabase.count(retentionEvents, lastEvent))
                .as("a run that finds nothing is audited too")
                .isEqualTo(2);
        var verification = Http.get(api("v1/audit/verify"), DemoTokens.userToken("auditor"));
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("status").asText())
                .as(verification.body())
                .isEqualTo("OK");
    }
}
