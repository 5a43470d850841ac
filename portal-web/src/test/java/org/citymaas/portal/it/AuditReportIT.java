package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The monthly audit report of a fresh department, fetched as the auditor and read back with PDFBox:
 * its counts are the audit log's (checked against the table), its admin changes and refusals are there,
 * the range verifies and the key id is a checkpoint's; the read is on the record; bad input is a 400
 * problem and nothing read; every other role gets 403.
 */
@ExtendWith(ArquillianExtension.class)
class AuditReportIT {

    private static final String MODEL = "traffic-flow-forecast";
    private static final String PASSWORD = "Audit-report-it-Pw-3";
    private static final Pattern KEY_ID = Pattern.compile("密钥 Key id ([0-9a-f]{64})");

    @ArquillianResource
    URL portal;

    private String api() {
        return portal.toString().replaceAll("/$", "") + "/api/";
    }

    private static String thisMonth() {
        return YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    /** The department's events this month in the table, for one action and outcome. */
    private static long events(String department, String action, String outcome) {
        return TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE (tenant = ? OR resource = ? OR resource LIKE ?)"
                        + " AND action = ? AND outcome = ? AND occurred_at >= date_trunc('month', now() AT TIME ZONE"
                        + " 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'",
                department,
                "tenants/" + department,
                "tenants/" + department + "/%",
                action,
                outcome);
    }

    @Test
    void theReportCountsTheDepartmentsMonthAndIsOnTheRecord() throws Exception {
        var keycloak = new KeycloakAdmin(TestStack.start().keycloak());
        var department = FreshDepartments.withAdmin(api(), "rep", keycloak, PASSWORD);
        var platformAdmin = DemoTokens.userToken("platform-admin");
        var granted = Http.post(
                api() + "v1/tenants/" + department + "/subscriptions",
                platformAdmin,
                "{\"model\": \"" + MODEL + "\", \"version\": \"1\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        for (var requests : new int[] {10, 20}) {
            var limited = Http.put(
                    api() + "v1/tenants/" + department + "/quotas/" + MODEL,
                    platformAdmin,
                    "{\"requests\": " + requests + ", \"rows\": 500}");
            assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        }
        // the department's admin tries the auditors' report: refused, and that refusal is the department's
        var departmentAdmin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        for (int i = 0; i < 2; i++) {
            assertThat(Http.getAny(report(department, thisMonth()), departmentAdmin)
                            .status())
                    .isEqualTo(403);
        }
        var auditor = DemoTokens.userToken("auditor");
        var reads = "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.report'"
                + " AND resource = 'v1/audit/reports/monthly' AND summary = ?";
        var filters = "pdf filters {department=[" + department + "], month=" + thisMonth() + "}";
        var readsBefore = TestDatabase.count(reads, filters);

        var response = fetch(report(department, thisMonth()), auditor);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"audit-report-" + department + "-" + thisMonth() + ".pdf\"");
        assertThat(TestDatabase.count(reads, filters))
                .as("the read is on the record")
                .isEqualTo(readsBefore + 1);
        String text;
        try (var document = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(document);
        }
        var lines = text.lines().map(String::strip).toList();
        assertThat(text).contains("测试局", "Test Bureau (" + department + ")", thisMonth());
        assertThat(lines)
                .contains(
                        "subscription.grant OK 1",
                        "quota.set OK 2",
                        "department.create OK " + events(department, "department.create", "OK"),
                        "api.get DENIED " + events(department, "api.get", "DENIED"));
        assertThat(events(department, "api.get", "DENIED")).isGreaterThanOrEqualTo(2);
        assertThat(lines)
                .anyMatch(l -> l.startsWith("DENIED 403 ") && Long.parseLong(l.substring("DENIED 403 ".length())) >= 2);
        assertThat(lines)
                .anyMatch(l ->
                        l.matches("\\d+ \\S+ \\S+ platform-admin quota\\.set tenants/" + department + ".* OK 200"));
        var total = TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE (tenant = ? OR resource = ? OR resource LIKE ?)"
                        + " AND occurred_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')"
                        + " AT TIME ZONE 'Asia/Shanghai'",
                department,
                "tenants/" + department,
                "tenants/" + department + "/%");
        assertThat(lines).contains("事件 Events " + total, "合计 Total " + total);
        assertThat(text).contains("完好 INTACT:");
        var key = KEY_ID.matcher(text);
        assertThat(key.find()).as(text).isTrue();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_checkpoint WHERE key_id = ?", key.group(1)))
                .isPositive();
    }

    @Test
    void badInputIsAProblemAndNothingIsRead() {
        var auditor = DemoTokens.userToken("auditor");
        var readsBefore = TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'audit.report'");
        for (var url : List.of(
                report("transport", "2026-13"),
                report("transport", "last-month"),
                report(
                        "transport",
                        YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).toString()),
                report("no-such-department", thisMonth()),
                report("Not A Department!", thisMonth()),
                api() + "v1/audit/reports/monthly?month=" + thisMonth(),
                api() + "v1/audit/reports/monthly?department=transport")) {
            var answer = Http.getAny(url.replace(" ", "%20"), auditor);
            assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'audit.report'"))
                .isEqualTo(readsBefore);
    }

    @Test
    void staffTenantAdminsPlatformAdminsAndServicesGet403() {
        for (var token : new String[] {
            DemoTokens.userToken("transport-staff"),
            DemoTokens.userToken("transport-admin"),
            DemoTokens.userToken("platform-admin"),
            DemoTokens.serviceToken("transport")
        }) {
            assertThat(Http.getAny(report("transport", thisMonth()), token).status())
                    .isEqualTo(403);
        }
    }

    private String report(String department, String month) {
        return api() + "v1/audit/reports/monthly?department=" + department + "&month=" + month;
    }

    private static HttpResponse<byte[]> fetch(String url, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "*/*")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
