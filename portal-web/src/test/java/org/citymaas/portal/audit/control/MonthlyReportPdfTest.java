package org.citymaas.portal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainBreak;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.DepartmentActivity;
import org.citymaas.security.audit.entity.DepartmentActivity.ActivityCount;
import org.citymaas.security.audit.entity.DepartmentActivity.AdminChange;
import org.citymaas.security.audit.entity.Verification;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class MonthlyReportPdfTest {

    private static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");
    private static final String KEY = "ab12".repeat(16);

    @Test
    void printsTheCountsRefusalsAdminChangesRangeVerdictAndKey() throws IOException {
        var activity = new DepartmentActivity(
                new TenantId("transport"),
                FROM,
                TO,
                List.of(
                        new ActivityCount("inference.request", "OK", 200, 1234),
                        new ActivityCount("inference.request", "REJECTED", 429, 17),
                        new ActivityCount("inference.request", "REJECTED", 400, 5),
                        new ActivityCount("inference.request", "DENIED", 403, 2),
                        new ActivityCount("member.add", "OK", 201, 3),
                        new ActivityCount("quota.set", "OK", 200, 1)),
                List.of(
                        change(4101, "member.add", "tenants/transport/members"),
                        change(4102, "member.add", "tenants/transport/members"),
                        change(4107, "member.add", "tenants/transport/members"),
                        change(4190, "quota.set", "tenants/transport/quotas/traffic-flow")),
                4001L,
                5262L);
        var report = new MonthlyReport(
                "交通运输局",
                "Transport Bureau",
                YearMonth.of(2026, 11),
                activity,
                Optional.of(new Verification(4001, 5262, 1262, 3, Optional.empty())),
                Optional.of(new Checkpoint(5270, "0".repeat(64), TO, KEY, "c2ln")),
                Instant.parse("2026-12-07T02:00:00Z"),
                "auditor.demo");

        var text = textOf(report);

        assertThat(text)
                .contains("交通运输局", "Transport Bureau (transport)", "2026-11")
                .contains("Asia/Shanghai 2026-11-01 00:00:00 – 2026-12-01 00:00:00")
                .contains("seq 4001..5262")
                .contains("完好 INTACT: 1262 events verified (seq 4001..5262), 3 signed checkpoints")
                .contains("seq 5270", KEY);
        assertThat(lines(text))
                .contains(
                        "事件 Events 1262",
                        "inference.request OK 1234",
                        "inference.request REJECTED 22",
                        "inference.request DENIED 2",
                        "member.add OK 3",
                        "合计 Total 1262",
                        "REJECTED 429 17",
                        "REJECTED 400 5",
                        "DENIED 403 2");
        assertThat(text).contains("Administrative changes: 4");
        assertThat(lines(text)).anyMatch(l -> l.startsWith("4190 2026-11-0") && l.contains("quota.set"));
    }

    @Test
    void printsABreakAndWhereItIs() throws IOException {
        var activity = new DepartmentActivity(
                new TenantId("health"),
                FROM,
                TO,
                List.of(new ActivityCount("inference.request", "OK", 200, 9)),
                List.of(),
                10L,
                18L);
        var report = new MonthlyReport(
                "卫生健康委",
                "Health Commission",
                YearMonth.of(2026, 11),
                activity,
                Optional.of(new Verification(
                        10,
                        13,
                        4,
                        0,
                        Optional.of(new ChainBreak(BreakKind.FIELD_EDITED, 14, "content does not match its hash")))),
                Optional.empty(),
                Instant.parse("2026-12-07T02:00:00Z"),
                "auditor.demo");

        var text = textOf(report);

        assertThat(text).contains("断裂 BROKEN: FIELD_EDITED at seq 14");
        assertThat(lines(text)).contains("拒绝与失败 Refusals and failures (outcome and HTTP status)", "无 none");
    }

    @Test
    void listsEveryAdminChangeOverPagesWithTheHeaderRepeated() throws IOException {
        var changes = new ArrayList<AdminChange>();
        for (int i = 0; i < 150; i++) {
            changes.add(change(1000 + i, "client.rotate", "tenants/transport/clients/transport-api"));
        }
        var activity = new DepartmentActivity(
                new TenantId("transport"),
                FROM,
                TO,
                List.of(new ActivityCount("client.rotate", "OK", 200, 600)),
                changes,
                1000L,
                1599L);
        var report = new MonthlyReport(
                "交通运输局",
                "Transport Bureau",
                YearMonth.of(2026, 11),
                activity,
                Optional.empty(),
                Optional.empty(),
                Instant.parse("2026-12-07T02:00:00Z"),
                "auditor.demo");

        var out = new ByteArrayOutputStream();
        new MonthlyReportPdf().write(report, out);
        try (var document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Administrative changes: 600 (the first 150 listed)", "1149 2026-11-0");
            assertThat(text).contains("Page 1 of " + document.getNumberOfPages());
            var lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            assertThat(lastPage.getText(document)).contains("seq 时间 Time");
        }
    }

    private static AdminChange change(long seq, String action, String resource) {
        return new AdminChange(seq, FROM.plusSeconds(seq * 60), "li.na", action, resource, "OK", 200);
    }

    private static String textOf(MonthlyReport report) throws IOException {
        var out = new ByteArrayOutputStream();
        new MonthlyReportPdf().write(report, out);
        try (var document = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }
}
