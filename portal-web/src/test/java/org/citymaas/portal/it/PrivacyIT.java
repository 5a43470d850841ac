package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the portal keeps of personal data and hostile input, end to end on the real stack: hotline
 * texts naming people without any cue word go through the API and a CSV batch, and no raw name is
 * found in the server log, in any text column of the audit, usage and batch tables, or in the results
 * file; texts holding NUL, lone surrogates, control characters or bidi overrides are refused with 400
 * naming the field and the rule, and nothing is stored or charged; a formula cell comes back as text.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

    /** Hotline texts that name people without a cue word before or a title after the name. */
    private static final Map<String, String> COMPLAINTS = new LinkedHashMap<>();

    static {
        COMPLAINTS.put("张伟反映楼上漏水已经一个星期了，物业一直不管。", "张伟");
        COMPLAINTS.put("请转告王建国尽快回电，他家门口的井盖丢了。", "王建国");
        COMPLAINTS.put("欧阳娜娜说小区东门的路灯坏了很久，晚上出门很不安全。", "欧阳娜娜");
        COMPLAINTS.put("诸葛明亮家楼下的餐馆油烟太大，晚上十点还在营业。", "诸葛明亮");
        COMPLAINTS.put("昨天司马光明打电话投诉黄河路工地夜间施工噪音扰民。", "司马光明");
        COMPLAINTS.put("上周李秀英在王府井附近被电动车撞伤，希望加强交通管理。", "李秀英");
        COMPLAINTS.put("已通知陈志刚，下水道堵塞的问题明天上午处理。", "陈志刚");
        COMPLAINTS.put("马晓东的车被占道经营的摊贩挡住了，出不去。", "马晓东");
    }

    private static final String NUL = "\u0000";
    private static final String LONE_SURROGATE = "\ud800";
    private static final String ESCAPE = "\u001b";
    private static final String RIGHT_TO_LEFT_OVERRIDE = "\u202e";

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void namesWithoutCueWordsReachNoLogNoTableAndNoResultsFile() {
        var token = DemoTokens.serviceToken("hotline");
        var run = UUID.randomUUID().toString().substring(0, 8);
        int i = 0;
        for (var complaint : COMPLAINTS.keySet()) {
            var answer = Http.post(
                    api("v2/models/complaint-routing/infer"),
                    token,
                    Http.json(Map.of(
                            "id",
                            "names-" + run + "-" + i++,
                            "inputs",
                            List.of(Map.of(
                                    "name",
                                    "text",
                                    "datatype",
                                    "BYTES",
                                    "shape",
                                    List.of(1),
                                    "data",
                                    List.of(complaint))))));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        var csv = new StringBuilder("text\n");
        COMPLAINTS.keySet().forEach(c -> csv.append(c).append('\n'));
        var submitted = Http.postCsv(api("v1/models/complaint-routing/batches"), token, csv.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var job = submitted.json().get("id").asText();
        awaitDone(job, token);
        var results = Http.getAny(api("v1/batches/" + job + "/results"), token);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(records(results.body())).as("a results line per complaint").hasSize(COMPLAINTS.size());

        var log = ServerLog.read();
        var columns = textColumns();
        assertThat(columns)
                .as("the text columns searched")
                .contains(
                        "audit_event.summary",
                        "audit_event.resource",
                        "batch_row.input",
                        "batch_row.output",
                        "batch_job.file_name",
                        "usage_event.model");
        for (var name : COMPLAINTS.values()) {
            assertThat(log).as("the server log holds " + name).doesNotContain(name);
            assertThat(results.body()).as("the results file holds " + name).doesNotContain(name);
            for (var column : columns) {
                var table = column.substring(0, column.indexOf('.'));
                var field = column.substring(column.indexOf('.') + 1);
                assertThat(TestDatabase.count(
                                "SELECT count(*) FROM " + table + " WHERE " + field + "::text LIKE ?",
                                "%" + name + "%"))
                        .as(column + " holds " + name)
                        .isZero();
            }
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND summary LIKE '%PERSON_NAME:1%'",
                        "names-" + run + "-%"))
                .as("each request's audit event counts the name it held")
                .isEqualTo(COMPLAINTS.size());
    }

    @Test
    void hostileCharactersInAnInferenceInputAre400NamingTheFieldAndTheRuleAndNothingIsCharged() {
        var token = DemoTokens.serviceToken("hotline");
        var cases = Map.of(
                "nul-character", "\\u0000",
                "lone-surrogate", "\\ud800",
                "control-character", "\\u001b[31m",
                "bidi-control", "\\u202e");
        for (var hostile : cases.entrySet()) {
            var requestId = "hostile-" + UUID.randomUUID();
            // written by hand: a JSON writer would refuse (or replace) a lone surrogate before it is sent
            var body = "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\","
                    + " \"shape\": [1], \"data\": [\"楼上漏水" + hostile.getValue() + "已经一周\"]}]}";

            var answer =
                    Http.post(api("v2/models/complaint-routing/infer"), token, body, Map.of("X-Request-Id", requestId));

            assertThat(answer.status())
                    .as(hostile.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("text");
            assertThat(answer.json().get("errors").findValuesAsText("rule")).containsExactly(hostile.getKey());
            assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                    .as("nothing charged")
                    .isZero();
            assertThat(TestDatabase.first(
                            "SELECT outcome || ' ' || http_status || ' ' || coalesce(summary, '-') FROM audit_event"
                                    + " WHERE request_id = ?",
                            requestId))
                    .as("audited as refused, with no text")
                    .isEqualTo("REJECTED 400 -");
        }
        var path = Http.post(
                api("v2/models/complaint%E2%80%AE-routing/infer"),
                token,
                "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": [\"x\"]}]}");
        assertThat(path.status()).as(path.body()).isEqualTo(400);
        assertThat(path.json().get("errors").findValuesAsText("field")).containsExactly("model");
    }

    @Test
    void hostileCharactersInABatchFileAre400NamingTheLineAndColumnAndNoJobIsKept() {
        var token = DemoTokens.serviceToken("hotline");
        var url = api("v1/models/complaint-routing/batches");
        var jobsBefore = TestDatabase.count("SELECT count(*) FROM batch_job WHERE tenant_id = 'hotline'");
        var cases = Map.of(
                "nul-character", NUL,
                "control-character", ESCAPE + "[2J",
                "bidi-control", RIGHT_TO_LEFT_OVERRIDE);
        for (var hostile : cases.entrySet()) {
            var answer = Http.postCsv(url, token, "text\n楼上漏水\n噪音扰民" + hostile.getValue() + "到凌晨\n");

            assertThat(answer.status())
                    .as(hostile.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("line 3, column text");
            assertThat(answer.json().get("errors").findValuesAsText("rule")).containsExactly(hostile.getKey());
        }
        // a lone surrogate has no UTF-8 form: its bytes (CESU-8 ED A0 80) are not UTF-8 text
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("text\n楼上漏水".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        var surrogate = Http.postCsvBytes(url, token, bytes.toByteArray());
        assertThat(surrogate.status()).as(surrogate.body()).isEqualTo(400);
        assertThat(surrogate.json().get("errors").findValuesAsText("rule")).containsExactly("encoding");
        var fileName = Http.postCsv(url + "?fileName=" + "%E6%8A%95%E8%AF%89%E2%80%AEvsc.exe", token, "text\n楼上漏水\n");
        assertThat(fileName.status()).as(fileName.body()).isEqualTo(400);
        assertThat(fileName.json().get("errors").findValuesAsText("field")).containsExactly("fileName");
        assertThat(fileName.json().get("errors").findValuesAsText("rule")).containsExactly("bidi-control");

        assertThat(TestDatabase.count("SELECT count(*) FROM batch_job WHERE tenant_id = 'hotline'"))
                .as("no job kept")
                .isEqualTo(jobsBefore);
    }

    @Test
    void hostileCharactersInADepartmentFormAre400NamingTheFieldAndNothingIsCreated() {
        var cases = Map.of(
                "nul-character", "\\u0000",
                "lone-surrogate", "\\udc00",
                "control-character", "\\u0007",
                "bidi-control", "\\u2066");
        for (var hostile : cases.entrySet()) {
            var slug = "parks-" + UUID.randomUUID().toString().substring(0, 8);
            // written by hand, as the inference bodies above: the escapes reach the server's JSON reader as sent
            var body = "{\"id\": \"" + slug + "\", \"nameZh\": \"园林" + hostile.getValue() + "绿化局\","
                    + " \"nameEn\": \"Parks Bureau\", \"adminUsername\": \"" + slug + "-admin\","
                    + " \"adminEmail\": \"" + slug + "-admin@city.example\", \"adminName\": \"李园林\"}";

            var answer = Http.post(api("v1/tenants"), DemoTokens.userToken("platform-admin"), body);

            assertThat(answer.status())
                    .as(hostile.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("nameZh");
            assertThat(answer.json().get("errors").findValuesAsText("rule")).containsExactly(hostile.getKey());
            assertThat(TestDatabase.count("SELECT count(*) FROM department WHERE slug = ?", slug))
                    .as("no department row")
                    .isZero();
            assertThat(Http.get(api("v1/tenants/" + slug), DemoTokens.userToken("platform-admin"))
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aFormulaCellComesBackFromABatchAsText() {
        var token = DemoTokens.serviceToken("hotline");
        var formula = "=cmd|' /C calc'!A0";
        var csv = "text\n\"" + formula + " 楼上漏水\"\n\"@SUM(1+9) 噪音扰民\"\n";

        var submitted = Http.postCsv(api("v1/models/complaint-routing/batches"), token, csv);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var job = submitted.json().get("id").asText();
        awaitDone(job, token);
        var results = records(
                Http.getAny(api("v1/batches/" + job + "/results"), token).body());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("text")).isEqualTo("'" + formula + " 楼上漏水");
        assertThat(results.get(1).get("text")).isEqualTo("'@SUM(1+9) 噪音扰民");
        assertThat(results).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("OK"));
    }

    private void awaitDone(String id, String token) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var answer = Http.get(api("v1/batches/" + id), token);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    return answer.json().get("status").asText().equals("DONE");
                });
    }

    private static List<CSVRecord> records(String csv) {
        assertThat(csv).startsWith("\uFEFF");
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text, varchar and JSON column of the audit, usage and batch tables, as {@code table.column}. */
    private static List<String> textColumns() {
        var columns = new ArrayList<String>();
        try (var connection = TestStack.start().database().ownerDataSource().getConnection();
                var query = connection.prepareStatement(
                        "SELECT table_name || '.' || column_name FROM information_schema.columns"
                                + " WHERE table_schema = 'public' AND data_type IN ('text', 'character varying',"
                                + " 'jsonb', 'json') AND (table_name LIKE 'audit%' OR table_name LIKE 'usage%'"
                                + " OR table_name LIKE 'batch%') ORDER BY 1");
                var result = query.executeQuery()) {
            while (result.next()) {
                columns.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }
}
