package org.citymaas.portal.audit.control;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
    private static final float LEFT = 40;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 40;
    private static final float TOP = PDRectangle.A4.getHeight() - 48;
    private static final float BOTTOM = 56;
    private static final float TEXT = 9;
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color RED = new Color(0xC0, 0x1E, 0x1E);

    private final ReportFont glyphs = ReportFont.notoSansSc();

    /** Writes the report's PDF to out (which stays open). */
    public void write(MonthlyReport report, OutputStream out) throws IOException {
        synchronized (glyphs) {
            try (var document = new PDDocument()) {
                var info = document.getDocumentInformation();
                info.setTitle("部门月度审计报告 Monthly audit report "
                        + report.activity().department().value() + " " + report.month());
                info.setCreator("CityMaaS audit");
                document.getDocumentCatalog().setLanguage("zh-CN");
                var sheet = new Sheet(document, glyphs.embedIn(document));
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

    private void facts(Sheet sheet, MonthlyReport report) throws IOException {
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

    private void counts(Sheet sheet, MonthlyReport report) throws IOException {
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

    private void refusals(Sheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("拒绝与失败 Refusals and failures (outcome and HTTP status)");
        var refusals = report.activity().refusals();
        if (refusals.isEmpty()) {
            sheet.line(LEFT, TEXT, GREY, "无 none");
            return;
        }
        var columns = new float[] {LEFT, LEFT + 260, RIGHT};
        sheet.row(columns, true, "结果 Outcome", "事件 Events");
        for (var refusal : refusals.entrySet()) {
            sheet.row(columns, false, refusal.getKey(), refusal.getValue().toString());
        }
    }

    private void adminChanges(Sheet sheet, MonthlyReport report) throws IOException {
        var activity = report.activity();
        var listed = activity.adminChanges().size();
        var total = activity.adminChangesTotal();
        sheet.heading("管理变更 Administrative changes: %d%s"
                .formatted(total, listed < total ? " (the first %d listed)".formatted(listed) : ""));
        if (listed == 0) {
            sheet.line(LEFT, TEXT, GREY, "无 none");
            return;
        }
        var columns = new float[] {LEFT, LEFT + 40, LEFT + 128, LEFT + 208, LEFT + 298, RIGHT - 55, RIGHT};
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

    /** A4 pages written top to bottom with a cursor; a table's header repeats on each new page. */
    private final class Sheet {

        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream out;
        private float y;
        private float[] repeatColumns;
        private String[] repeatHeader;

        Sheet(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = TOP;
            if (repeatHeader != null) {
                row(repeatColumns, true, repeatHeader);
            }
        }

        void down(float distance) {
            y -= distance;
        }

        void need(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void line(float x, float size, Color color, String text) throws IOException {
            need(size + 4);
            y -= size + 4;
            draw(x, y, size, color, glyphs.drawable(text));
        }

        void heading(String text) throws IOException {
            repeatHeader = null;
            need(60);
            y -= 12;
            line(LEFT, 11.5f, Color.BLACK, text);
            y -= 2;
        }

        void fact(String label, String value) throws IOException {
            fact(label, value, false);
        }

        void fact(String label, String value, boolean alarm) throws IOException {
            var lines = wrap(glyphs.drawable(value), RIGHT - LEFT - 120);
            need(lines.size() * (TEXT + 4));
            y -= TEXT + 4;
            draw(LEFT, y, TEXT, GREY, glyphs.drawable(label));
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    y -= TEXT + 4;
                }
                draw(LEFT + 120, y, TEXT, alarm ? RED : Color.BLACK, lines.get(i));
            }
        }

        void repeatOnNewPage(float[] columns, String[] header) {
            this.repeatColumns = columns;
            this.repeatHeader = header;
        }

        /** One table row; a cell wider than its column (columns[i]..columns[i+1], less a gap) wraps. */
        void row(float[] columns, boolean bold, String... cells) throws IOException {
            var wrapped = new ArrayList<List<String>>();
            var height = 1;
            for (int i = 0; i < cells.length; i++) {
                wrapped.add(wrap(glyphs.drawable(cells[i]), columns[i + 1] - columns[i] - 6));
                height = Math.max(height, wrapped.get(i).size());
            }
            need(height * (TEXT + 3) + 3);
            for (int line = 0; line < height; line++) {
                y -= TEXT + (line == 0 ? 5 : 3);
                for (int i = 0; i < cells.length; i++) {
                    if (line < wrapped.get(i).size()) {
                        draw(
                                columns[i],
                                y,
                                TEXT,
                                bold ? GREY : Color.BLACK,
                                wrapped.get(i).get(line));
                    }
                }
            }
            out.setStrokingColor(new Color(0xDD, 0xDD, 0xDD));
            out.setLineWidth(0.4f);
            out.moveTo(LEFT, y - 3);
            out.lineTo(RIGHT, y - 3);
            out.stroke();
        }

        private void draw(float x, float baseline, float size, Color color, String drawable) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(x, baseline);
            out.showText(drawable);
            out.endText();
        }

        private float width(String drawable) throws IOException {
            return font.getStringWidth(drawable) / 1000 * TEXT;
        }

        private List<String> wrap(String drawable, float width) throws IOException {
            var lines = new ArrayList<String>();
            var rest = drawable;
            while (width(rest) > width) {
                var end = 0;
                while (end < rest.length()) {
                    var next = rest.offsetByCodePoints(end, 1);
                    if (width(rest.substring(0, next)) > width) {
                        break;
                    }
                    end = next;
                }
                end = Math.max(end, rest.offsetByCodePoints(0, 1));
                lines.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            lines.add(rest);
            return lines;
        }

        /** Closes the last page and writes the footer and "第 i 页 / 共 n 页 Page i of n" on each page. */
        void finish(String footer) throws IOException {
            out.close();
            var pages = document.getNumberOfPages();
            for (var i = 0; i < pages; i++) {
                try (var foot = new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND, true, true)) {
                    out = foot;
                    draw(LEFT, BOTTOM - 24, 7.5f, GREY, glyphs.drawable(footer));
                    var page = glyphs.drawable("第 %d 页 / 共 %d 页  Page %d of %d".formatted(i + 1, pages, i + 1, pages));
                    draw(RIGHT - font.getStringWidth(page) / 1000 * 7.5f, BOTTOM - 24, 7.5f, GREY, page);
                }
            }
        }
    }
}
