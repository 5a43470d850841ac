package org.citymaas.billing.documents.control;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.citymaas.billing.errors.StatementPdfException;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementStatus;

/**
 * A statement as an A4 PDF, Chinese first with English labels: the department (Chinese and English
 * names), cost centre, budget holder, period, status and number; the lines' table; the total in CNY; the
 * audit checkpoint it cites and how to verify it. A draft or an estimate carries a stamp saying so, a void
 * statement its reason. The text is real text (extractable), in an embedded subset of {@link CjkFont}.
 */
public final class StatementPdf {

    private static final float LABEL_WIDTH = 110;
    private static final Color RED = new Color(0xC0, 0x1E, 0x1E);

    private static final Logger LOG = Logger.getLogger(StatementPdf.class.getName());

    private final CjkFont font;

    /** With Noto Sans SC, parsed once per JVM. */
    public StatementPdf() {
        this(CjkFont.notoSansSc());
    }

    public StatementPdf(CjkFont font) {
        this.font = font;
    }

    /** The statement as PDF bytes. */
    public byte[] render(Statement statement) {
        synchronized (font) {
            try (var document = new PDDocument()) {
                var info = document.getDocumentInformation();
                info.setTitle("账单 Statement " + footer(statement));
                info.setCreator("CityMaaS billing");
                document.getDocumentCatalog().setLanguage("zh-CN");
                var sheet = new Sheet(document, font);
                header(sheet, statement);
                LineTable.draw(sheet, statement.lines());
                total(sheet, statement);
                new AuditSection(sheet).draw(statement);
                sheet.finish(footer(statement));
                warnOfMissingGlyphs(statement, sheet.missingGlyphs());
                var out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new StatementPdfException("could not render statement " + statement.id() + " as a PDF", e);
            }
        }
    }

    private static void warnOfMissingGlyphs(Statement statement, Set<Integer> missing) {
        if (!missing.isEmpty()) {
            var codePoints = missing.stream().map(CjkFont::codePoint).collect(Collectors.joining(" "));
            LOG.log(
                    Level.WARNING,
                    "statement {0} of {1} ({2}): the font has no glyph for {3}; written as those code points",
                    new Object[] {statement.id(), statement.account().nameZh(), statement.month(), codePoints});
        }
    }

    private static String footer(Statement statement) {
        var number = statement.number() == null ? "未出具 not issued" : statement.number();
        return "%s · %s · %s".formatted(number, statement.account().nameZh(), statement.month());
    }

    private void header(Sheet sheet, Statement statement) throws IOException {
        var top = sheet.y();
        sheet.text(Sheet.LEFT, top - 14, 17, Color.BLACK, "城市模型服务 月度账单");
        sheet.text(Sheet.LEFT, top - 30, 10, Color.DARK_GRAY, "CityMaaS monthly statement");
        var stamp = Labels.stamp(statement.status());
        if (stamp != null) {
            sheet.frame(Sheet.RIGHT - 150, top - 36, 150, 36, 1.5f, RED);
            sheet.textRight(Sheet.RIGHT - 14, top - 24, 16, RED, stamp);
        }
        sheet.down(46);
        sheet.rule(Sheet.LEFT, Sheet.RIGHT, sheet.y(), 0.8f, Color.DARK_GRAY);
        sheet.down(8);

        var account = statement.account();
        field(sheet, "部门 Department", Color.BLACK, account.nameZh(), account.nameEn());
        field(sheet, "成本中心 Cost centre", Color.BLACK, account.costCentre());
        field(sheet, "预算负责人 Budget holder", Color.BLACK, account.budgetHolder());
        field(sheet, "账期 Period", Color.BLACK, Labels.period(statement.month()));
        var issued = statement.status() == StatementStatus.ISSUED;
        field(sheet, "状态 Status", issued ? Color.BLACK : RED, Labels.status(statement.status()));
        if (statement.voidReason() != null) {
            field(sheet, "作废原因 Void reason", RED, statement.voidReason());
        }
        field(
                sheet,
                "编号 Number",
                Color.BLACK,
                statement.number() == null ? "未编号（出具时编号） none until issued" : statement.number());
        if (statement.issuedAt() != null) {
            field(sheet, "出具时间 Issued", Color.BLACK, Labels.time(statement.issuedAt()));
        }
        if (statement.computedAt() != null) {
            field(sheet, "计算时间 Computed", Color.BLACK, Labels.time(statement.computedAt()));
        }
        var review = statement.review();
        if (review != null) {
            var answer = review.accepted() ? "已确认 Accepted" : "有异议 Disputed";
            var texts =
                    new ArrayList<>(List.of("%s · %s · %s".formatted(answer, review.by(), Labels.time(review.at()))));
            if (review.comment() != null && !review.comment().isBlank()) {
                texts.add(review.comment());
            }
            field(sheet, "审阅 Review", Color.BLACK, texts.toArray(String[]::new));
        }
        sheet.down(8);
    }

    private static void field(Sheet sheet, String label, Color color, String... values) throws IOException {
        var lines = new ArrayList<String>();
        for (var value : values) {
            lines.addAll(sheet.wrap(value, 9.5f, Sheet.WIDTH - LABEL_WIDTH));
        }
        sheet.need(lines.size() * 13 + 2);
        sheet.text(Sheet.LEFT, sheet.y() - 10, 8.5f, Color.DARK_GRAY, label);
        for (var line : lines) {
            sheet.text(Sheet.LEFT + LABEL_WIDTH, sheet.y() - 10, 9.5f, color, line);
            sheet.down(13);
        }
        sheet.down(2);
    }

    private static void total(Sheet sheet, Statement statement) throws IOException {
        sheet.need(34);
        sheet.down(6);
        sheet.rule(Sheet.RIGHT - 240, Sheet.RIGHT, sheet.y(), 0.8f, Color.DARK_GRAY);
        sheet.textRight(Sheet.RIGHT - 110, sheet.y() - 16, 9.5f, Color.DARK_GRAY, label(statement.status()));
        var total = Labels.money(statement.total());
        sheet.textRight(Sheet.RIGHT - 3.5f, sheet.y() - 16, 13, Color.BLACK, total);
        sheet.down(30);
    }

    private static String label(StatementStatus status) {
        return switch (status) {
            case OPEN -> "预估合计 Estimated total (人民币 CNY)";
            case DRAFT -> "草稿合计 Draft total (人民币 CNY)";
            case ISSUED, VOID -> "合计 Total (人民币 CNY)";
        };
    }
}
