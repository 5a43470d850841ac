package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The usage report and "my history" on the real stack: real inference calls are counted per model
 * per day in the JSON and the CSV alike; a tenant admin sees only their department; staff see their
 * own requests and explanations, refused ones too, and no one else's.
 */
@ExtendWith(ArquillianExtension.class)
class UsageReportIT {

    private static final String MODEL = "traffic-flow-forecast";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private Http.Answer infer(String token, String body, String requestId) {
        return Http.post(api("v2/models/" + MODEL + "/infer"), token, body, Map.of("X-Request-Id", requestId));
    }

    /** Today's figures for the model in a usage report: requests, rows, compute ms (zeros when none). */
    private static Usage today(JsonNode report) {
        var day = LocalDate.now(CITY).toString();
        return StreamSupport.stream(report.get("days").spliterator(), false)
                .filter(d -> d.get("day").asText().equals(day)
                        && d.get("model").asText().equals(MODEL))
                .findFirst()
                .map(Usage::of)
                .orElse(Usage.NONE);
    }

    private static Usage monthTotal(JsonNode report) {
        return StreamSupport.stream(report.get("totals").spliterator(), false)
                .filter(t -> t.get("model").asText().equals(MODEL))
                .findFirst()
                .map(Usage::of)
                .orElse(Usage.NONE);
    }

    private record Usage(long requests, long rows, BigDecimal computeMs) {
        static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);

        static Usage of(JsonNode node) {
            return new Usage(
                    node.get("requests").asLong(),
                    node.get("rows").asLong(),
                    node.get("computeMs").decimalValue());
        }
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        assertThat(body).as("a byte order mark for spreadsheet programs").startsWith("\uFEFF");
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body.substring(1)))
                .getRecords();
    }

    @Test
    void countsTheDepartmentsChargedRequestsPerModelPerDayInJsonAndCsv() throws IOException {
        var admin = DemoTokens.userToken("transport-admin");
        var service = DemoTokens.serviceToken("transport");
        var before = Http.get(api("v1/usage"), admin);
        assertThat(before.status()).as(before.body()).isEqualTo(200);

        var calls = List.of(
                infer(service, TrafficRequests.body(1, 8), "usage-" + UUID.randomUUID()),
                infer(service, TrafficRequests.body(1, 9), "usage-" + UUID.randomUUID()),
                infer(service, TrafficRequests.body(2, 10), "usage-" + UUID.randomUUID()));
        var refused = infer(service, TrafficRequests.body(1, 30), "usage-" + UUID.randomUUID());
        var after = Http.get(api("v1/usage"), admin);

        assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.body()).isEqualTo(200));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        var report = after.json();
        var month = YearMonth.now(CITY).toString();
        assertThat(report.get("department").asText()).isEqualTo("transport");
        assertThat(report.get("month").asText()).isEqualTo(month);
        assertThat(report.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(report.get("months").get(0).asText())
                .as("the month picker starts at this month")
                .isEqualTo(month);
        var todayBefore = today(before.json());
        var todayAfter = today(report);
        assertThat(todayAfter.requests() - todayBefore.requests())
                .as("three charged requests; the refused one is not charged")
                .isEqualTo(3);
        assertThat(todayAfter.rows() - todayBefore.rows()).isEqualTo(4);
        assertThat(todayAfter.computeMs()).isGreaterThan(todayBefore.computeMs());
        var totalBefore = monthTotal(before.json());
        var totalAfter = monthTotal(report);
        assertThat(totalAfter.requests() - totalBefore.requests()).isEqualTo(3);
        assertThat(totalAfter.rows() - totalBefore.rows()).isEqualTo(4);

        var export = Http.get(api("v1/usage?month=" + month), admin, "text/csv");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"usage-transport-" + month + ".csv\"");
        var records = csv(export.body());
        var day = records.stream()
                .filter(r -> r.get("day").equals(LocalDate.now(CITY).toString())
                        && r.get("model").equals(MODEL))
                .findFirst()
                .orElseThrow();
        assertThat(day.get("department")).isEqualTo("transport");
        assertThat(day.get("month")).isEqualTo(month);
        assertThat(Long.parseLong(day.get("requests"))).isEqualTo(todayAfter.requests());
        assertThat(Long.parseLong(day.get("rows"))).isEqualTo(todayAfter.rows());
        assertThat(new BigDecimal(day.get("compute_ms"))).isEqualByComparingTo(todayAfter.computeMs());
        var total = records.stream()
                .filter(r -> r.get("day").equals("total") && r.get("model").equals(MODEL))
                .findFirst()
                .orElseThrow();
        assertThat(Long.parseLong(total.get("requests"))).isEqualTo(totalAfter.requests());
        assertThat(records)
                .hasSize(report.get("days").size() + report.get("totals").size());

        var platform =
                Http.get(api("v1/usage?department=transport&month=" + month), DemoTokens.userToken("platform-admin"));
        assertThat(platform.status()).as(platform.body()).isEqualTo(200);
        assertThat(today(platform.json()).requests()).isGreaterThanOrEqualTo(todayAfter.requests());
    }

    @Test
    void aBadMonthIs400NamingMonthAndNothingElseIsShown() {
        var admin = DemoTokens.userToken("transport-admin");

        for (var month :
                List.of("2026-13", "november", YearMonth.now(CITY).plusMonths(1).toString())) {
            var answer = Http.get(api("v1/usage?month=" + month), admin);

            assertThat(answer.status()).as(month + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).startsWith("month: ");
            assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("month");
            assertThat(answer.body()).doesNotContain("\"days\"");
        }
        var csv = Http.get(api("v1/usage?month=2026-13"), admin, "text/csv");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTenantAdminSeesOnlyTheirOwnDepartmentAndStaffNoReport() {
        var admin = DemoTokens.userToken("transport-admin");

        var foreign = Http.get(api("v1/usage?department=health"), admin);
        var foreignCsv = Http.get(api("v1/usage?department=health"), admin, "text/csv");
        var own = Http.get(api("v1/usage?department=transport"), admin);
        var staff = Http.get(api("v1/usage"), DemoTokens.userToken("transport-staff"));
        var platformWithoutDepartment = Http.get(api("v1/usage"), DemoTokens.userToken("platform-admin"));
        var unknown = Http.get(api("v1/usage?department=no-such"), DemoTokens.userToken("platform-admin"));

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.body()).doesNotContain("\"days\"");
        assertThat(foreignCsv.status()).isEqualTo(404);
        assertThat(own.status()).isEqualTo(200);
        assertThat(staff.status()).as(staff.body()).isEqualTo(403);
        assertThat(platformWithoutDepartment.status()).isEqualTo(400);
        assertThat(platformWithoutDepartment.json().at("/errors/0/field").asText())
                .isEqualTo("department");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void staffSeeTheirOwnRequestsNewestFirstWithOutcomes() {
        var staff = DemoTokens.userToken("transport-staff");
        var served = "mine-" + UUID.randomUUID();
        var refused = "mine-" + UUID.randomUUID();
        var someoneElses = "theirs-" + UUID.randomUUID();

        assertThat(infer(staff, TrafficRequests.body(1, 8), served).status()).isEqualTo(200);
        assertThat(infer(staff, TrafficRequests.body(1, 30), refused).status()).isEqualTo(400);
        assertThat(infer(DemoTokens.serviceToken("transport"), TrafficRequests.body(1, 8), someoneElses)
                        .status())
                .isEqualTo(200);
        var history = Http.get(api("v1/me/history?limit=20"), staff);
        var badLimit = Http.get(api("v1/me/history?limit=0"), staff);

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        var entries = history.json();
        assertThat(entries.size()).isBetween(2, 20);
        assertThat(entries.get(0).get("requestId").asText()).as("newest first").isEqualTo(refused);
        assertThat(entries.get(0).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(entries.get(0).path("rows").isNumber()).as("nothing charged").isFalse();
        var ok = entries.get(1);
        assertThat(ok.get("requestId").asText()).isEqualTo(served);
        assertThat(ok.get("outcome").asText()).isEqualTo("OK");
        assertThat(ok.get("status").asInt()).isEqualTo(200);
        assertThat(ok.get("model").asText()).isEqualTo(MODEL);
        assertThat(ok.get("version").asText()).isEqualTo("1");
        assertThat(ok.get("rows").asInt()).isEqualTo(1);
        assertThat(ok.get("computeMs").decimalValue()).isNotNegative();
        assertThat(ok.get("time").asText()).as("Beijing time").endsWith("+08:00");
        assertThat(ok.get("kind").asText()).isEqualTo("infer");
        assertThat(entries.get(0).get("kind").asText()).isEqualTo("infer");
        assertThat(history.body()).doesNotContain(someoneElses).doesNotContain("summary");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void staffSeeTheirOwnExplanationsWithTheirKindAndNoOneElses() {
        var staff = DemoTokens.userToken("transport-staff");
        var colleague = DemoTokens.userToken("transport-admin");
        var elsewhere = DemoTokens.userToken("health-staff");
        var explained = "mine-explain-" + UUID.randomUUID();
        var refused = "mine-explain-" + UUID.randomUUID();
        var colleagues = "theirs-explain-" + UUID.randomUUID();
        var otherDepartments = "health-explain-" + UUID.randomUUID();

        assertThat(explain(staff, MODEL, TrafficRequests.body(1, 8), explained).status())
                .isEqualTo(200);
        assertThat(explain(staff, MODEL, TrafficRequests.body(1, 30), refused).status())
                .isEqualTo(400);
        assertThat(explain(colleague, MODEL, TrafficRequests.body(1, 9), colleagues)
                        .status())
                .isEqualTo(200);
        var health = explain(
                elsewhere,
                "health-risk",
                HeldOutRequests.body(
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
                        1),
                otherDepartments);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        var history = Http.get(api("v1/me/history?limit=20"), staff);
        var theirs = Http.get(api("v1/me/history?limit=20"), colleague);
        var healths = Http.get(api("v1/me/history?limit=20"), elsewhere);

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        var entries = history.json();
        assertThat(entries.get(0).get("requestId").asText()).as("newest first").isEqualTo(refused);
        assertThat(entries.get(0).get("kind").asText()).isEqualTo("explain");
        assertThat(entries.get(0).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(entries.get(0).path("rows").isNumber()).as("nothing charged").isFalse();
        var ok = entries.get(1);
        assertThat(ok.get("requestId").asText()).isEqualTo(explained);
        assertThat(ok.get("kind").asText()).isEqualTo("explain");
        assertThat(ok.get("outcome").asText()).isEqualTo("OK");
        assertThat(ok.get("status").asInt()).isEqualTo(200);
        assertThat(ok.get("model").asText()).isEqualTo(MODEL);
        assertThat(ok.get("version").asText()).isEqualTo("1");
        assertThat(ok.get("rows").asInt()).as("the rows explained").isEqualTo(1);
        assertThat(ok.get("computeMs").decimalValue()).isNotNegative();
        assertThat(history.body())
                .as("another member's and another department's explanations")
                .doesNotContain(colleagues)
                .doesNotContain(otherDepartments);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.json().get(0).get("requestId").asText()).isEqualTo(colleagues);
        assertThat(theirs.json().get(0).get("kind").asText()).isEqualTo("explain");
        assertThat(theirs.body())
                .doesNotContain(explained)
                .doesNotContain(refused)
                .doesNotContain(otherDepartments);
        assertThat(healths.status()).as(healths.body()).isEqualTo(200);
        assertThat(healths.json().get(0).get("requestId").asText()).isEqualTo(otherDepartments);
        assertThat(healths.json().get(0).get("model").asText()).isEqualTo("health-risk");
        assertThat(healths.body())
                .doesNotContain(explained)
                .doesNotContain(refused)
                .doesNotContain(colleagues);
    }

    private Http.Answer explain(String token, String model, String body, String requestId) {
        return Http.post(api("v2/models/" + model + "/explain"), token, body, Map.of("X-Request-Id", requestId));
    }
}
