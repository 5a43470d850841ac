package org.citymaas.portal.audit.control;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.citymaas.security.audit.entity.DepartmentActivity.AdminChange;

/**
 * The monthly report as an A4 PDF, Chinese first with English labels: the department and month, the
 * chain range its events span, that range's verification and the key of the checkpoint covering it; the
 * events by action and outcome, the refusals by outcome and HTTP status, and the administrative changes
 * one per line. Text is real text, so auditors can search it and tests read it back.
 */
public final class MonthlyReportPdf {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final float LEFT = ReportSheet.LEFT;
    private static final float RIGHT = ReportSheet.RIGHT;

    /** Writes the report's PDF to out (which stays open). */
    public void write(MonthlyReport report, OutputStream out) throws IOException {
        // the font is parsed at the first report, not when the portal starts
        var glyphs = ReportFont.notoSansSc();
        synchronized (glyphs) {
            try (var document = new PDDocument()) {
                var info = document.getDocumentInformation();
                info.setTitle("部门月度审计报告 Monthly audit report "
                        + report.activity().department().value() + " " + report.month());
                info.setCreator("CityMaaS audit");
                document.getDocumentCatalog().setLanguage("zh-CN");
                var sheet = new ReportSheet(document, glyphs);
                sheet.line(LEFT, 16, Color.BLACK, "部门月度审计报告  Monthly audit report");
                sheet.down(8);
                facts(sheet, report);
                counts(sheet, report);
                refusals(sheet, report);
                adminChanges(sheet, report);
                sheet.finish("%s · %s · %s"
                        .formatted(
                                report.nameZh(), report.activity().department().value(), report.month()));
                document.save(out);
            }
        }
    }

    private void facts(ReportSheet sheet, MonthlyReport report) throws IOException {
        var activity = report.activity();
        var month = report.month();
        sheet.fact(
                "部门 Department",
                "%s  %s (%s)"
                        .formatted(
                                report.nameZh(),
                                report.nameEn(),
                                activity.department().value()));
        sheet.fact(
                "月份 Month", "%s (Asia/Shanghai %s – %s)".formatted(month, time(activity.from()), time(activity.to())));
        sheet.fact("事件 Events", Long.toString(activity.total()));
        sheet.fact(
                "链位置 Chain positions",
                activity.firstSeq() == null
                        ? "无 none"
                        : "seq %d..%d".formatted(activity.firstSeq(), activity.lastSeq()));
        var verdict = report.verification()
                .map(v -> v.ok()
                        ? "完好 INTACT: %d events verified (seq %d..%d), %d signed checkpoints"
                                .formatted(v.eventsVerified(), v.fromSeq(), v.lastSeq(), v.checkpointsVerified())
                        : v.firstBreak()
                                .map(b -> "断裂 BROKEN: %s at seq %d: %s".formatted(b.kind(), b.seq(), b.reason()))
                                .orElseThrow())
                .orElse("无事件可校验 no events to verify");
        sheet.fact(
                "链校验 Verification",
                verdict,
                report.verification().map(v -> !v.ok()).orElse(false));
        sheet.fact(
                "检查点 Checkpoint",
                report.checkpoint()
                        .map(c -> "seq %d, signed %s".formatted(c.seq(), time(c.signedAt())))
                        .orElse("无 none"));
        sheet.fact("密钥 Key id", report.checkpoint().map(c -> c.keyId()).orElse("无 none"));
        sheet.fact(
                "生成 Generated", "%s (Asia/Shanghai) by %s".formatted(time(report.generatedAt()), report.generatedBy()));
    }

    private void counts(ReportSheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("按操作与结果 Events by action and outcome");
        var columns = new float[] {LEFT, LEFT + 260, LEFT + 380, RIGHT};
        sheet.row(columns, true, "操作 Action", "结果 Outcome", "事件 Events");
        for (Map.Entry<String, Map<String, Long>> action :
                report.activity().byActionAndOutcome().entrySet()) {
            for (var outcome : action.getValue().entrySet()) {
                sheet.row(
                        columns,
                        false,
                        action.getKey(),
                        outcome.getKey(),
                        outcome.getValue().toString());
            }
        }
        sheet.row(columns, true, "合计 Total", "", Long.toString(report.activity().total()));
    }

    private void refusals(ReportSheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("拒绝与失败 Refusals and failures (outcome and HTTP status)");
        var refusals = report.activity().refusals();
        if (refusals.isEmpty()) {
            sheet.line(LEFT, ReportSheet.TEXT, ReportSheet.GREY, "无 none");
            return;
        }
        var columns = new float[] {LEFT, LEFT + 260, RIGHT};
        sheet.row(columns, true, "结果 Outcome", "事件 Events");
        for (var refusal : refusals.entrySet()) {
            sheet.row(columns, false, refusal.getKey(), refusal.getValue().toString());
        }
    }

    private void adminChanges(ReportSheet sheet, MonthlyReport report) throws IOException {
        var activity = report.activity();
        var listed = activity.adminChanges().size();
        var total = activity.adminChangesTotal();
        sheet.heading("管理变更 Administrative changes: %d%s"
                .formatted(total, listed < total ? " (the first %d listed)".formatted(listed) : ""));
        if (listed == 0) {
            sheet.line(LEFT, ReportSheet.TEXT, ReportSheet.GREY, "无 none");
            return;
        }
        var columns = new float[] {LEFT, LEFT + 36, LEFT + 130, LEFT + 205, LEFT + 290, RIGHT - 68, RIGHT};
        var header = new String[] {"seq", "时间 Time", "操作者 Actor", "操作 Action", "资源 Resource", "结果 Outcome"};
        sheet.row(columns, true, header);
        sheet.repeatOnNewPage(columns, header);
        for (AdminChange change : activity.adminChanges()) {
            sheet.row(
                    columns,
                    false,
                    Long.toString(change.seq()),
                    time(change.occurredAt()),
                    change.actor(),
                    change.action(),
                    change.resource(),
                    change.outcome() + (change.httpStatus() == null ? "" : " " + change.httpStatus()));
        }
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(CITY));
    }
}
