package org.citymaas.billing.documents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.billing.documents.control.StatementPdfSamples.CHECKPOINT_SEQ;
import static org.citymaas.billing.documents.control.StatementPdfSamples.HEAD_HASH;
import static org.citymaas.billing.documents.control.StatementPdfSamples.account;
import static org.citymaas.billing.documents.control.StatementPdfSamples.manyLines;
import static org.citymaas.billing.documents.control.StatementPdfSamples.mixedLines;
import static org.citymaas.billing.documents.control.StatementPdfSamples.statement;
import static org.citymaas.billing.documents.control.StatementPdfSamples.transportBureau;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.junit.jupiter.api.Test;

/** What a reader of the statement PDF finds in it: the department, number, lines, total and checkpoint. */
class StatementPdfTest {

    /**
     * A one-page statement with the font subset is tens of kilobytes; the whole font embedded would be about
     * 10 MB. The bound only catches a font that is no longer subset.
     */
    private static final int ONE_PAGE_BOUND = 1024 * 1024;

    private final StatementPdf pdf = new StatementPdf();

    @Test
    void issuedStatementShowsDepartmentCostCentreNumberLinesTotalAndCheckpoint() throws IOException {
        var bytes =
                pdf.render(statement(transportBureau(), StatementStatus.ISSUED, "CM-2026-000123", mixedLines(), null));

        try (var document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            var text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("鄞州区交通运输局", "Yinzhou District Transport Bureau")
                    .contains("成本中心 Cost centre", "CC-4410-07", "预算负责人 Budget holder", "王晓梅 Wang Xiaomei")
                    .contains("2026年3月", "编号 Number", "CM-2026-000123", "已出具")
                    .contains("¥9,569.05")
                    .contains("traffic-flow-forecast", "172,340", "¥0.0035", "¥603.19")
                    .contains("T2  1,000,000 × ¥0.0015", "+ 固定费 fee ¥50.00", "¥3,850.00")
                    .contains("最低消费补足 Minimum true-up", "¥800.00")
                    .contains("更正 Corrects CM-2026-000042", "-¥4.20")
                    .contains("序号 Sequence  " + CHECKPOINT_SEQ, HEAD_HASH, "citymaas-audit-verifier")
                    .contains("第 1 页 / 共 1 页")
                    .doesNotContain("草稿", "DRAFT", "[U+");
        }
    }

    @Test
    void onePageStatementEmbedsOnlyASubsetOfTheFont() {
        var bytes =
                pdf.render(statement(transportBureau(), StatementStatus.ISSUED, "CM-2026-000123", mixedLines(), null));

        assertThat(bytes.length).isLessThan(ONE_PAGE_BOUND);
    }

    @Test
    void draftIsStampedAsADraftAndHasNoNumberYet() throws IOException {
        var text = text(pdf.render(statement(transportBureau(), StatementStatus.DRAFT, null, mixedLines(), null)));

        assertThat(text)
                .contains("草稿 DRAFT", "DRAFT: not issued, amounts may change", "草稿合计 Draft total")
                .contains("none until issued", "¥9,569.05")
                .doesNotContain("CM-2026-000123");
    }

    @Test
    void estimateOfTheRunningMonthSaysSoAndCitesNoCheckpointYet() throws IOException {
        var text = text(pdf.render(statement(transportBureau(), StatementStatus.OPEN, null, mixedLines(), null)));

        assertThat(text)
                .contains("预估 ESTIMATE", "预估合计 Estimated total")
                .contains("No signed audit checkpoint covers this statement's usage yet")
                .doesNotContain(HEAD_HASH);
    }

    @Test
    void voidStatementKeepsItsNumberAndGivesItsReason() throws IOException {
        var reason = "重复出具，以 CM-2026-000124 代替 Issued twice, replaced by CM-2026-000124";
        var text = text(
                pdf.render(statement(transportBureau(), StatementStatus.VOID, "CM-2026-000123", mixedLines(), reason)));

        assertThat(text).contains("作废 VOID", "作废原因 Void reason", "CM-2026-000123", "Issued twice, replaced by");
    }

    @Test
    void longStatementRunsOverPagesWithTheTableHeaderAndPageNumbersOnEach() throws IOException {
        var lines = manyLines(120);
        var bytes = pdf.render(statement(transportBureau(), StatementStatus.ISSUED, "CM-2026-000200", lines, null));

        try (var document = Loader.loadPDF(bytes)) {
            var pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            for (var page = 1; page <= pages; page++) {
                var text = pageText(document, page);
                assertThat(text).contains("第 %d 页 / 共 %d 页  Page %d of %d".formatted(page, pages, page, pages));
                assertThat(text).contains("CM-2026-000200 · 鄞州区交通运输局");
            }
            var tablePages = 0;
            for (var page = 1; page <= pages; page++) {
                var text = pageText(document, page);
                if (text.contains("版本 Version 2.1.0")) {
                    tablePages++;
                    assertThat(text).contains("模型 / 版本", "Model / version", "Pricing / tiers", "Amount");
                }
            }
            assertThat(tablePages).isGreaterThanOrEqualTo(2);
            var all = new PDFTextStripper().getText(document);
            assertThat(all).contains("model-1\n", "model-120\n", "¥1,200.00");
        }
    }

    @Test
    void oneParsedFontServesStatementsRenderedAtTheSameTime() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<String>>();
            for (var i = 0; i < 8; i++) {
                var number = "CM-2026-%06d".formatted(300 + i);
                var name = List.of("鄞州区交通运输局", "亳州市数据资源局", "儋州市城市管理局", "莒县气象局").get(i % 4);
                futures.add(pool.submit(() -> text(pdf.render(
                        statement(account(name, "Department"), StatementStatus.ISSUED, number, mixedLines(), null)))));
            }
            for (var i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get())
                        .contains("CM-2026-%06d".formatted(300 + i), "¥9,569.05")
                        .contains(List.of("鄞州区交通运输局", "亳州市数据资源局", "儋州市城市管理局", "莒县气象局")
                                .get(i % 4));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String text(byte[] bytes) throws IOException {
        try (var document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
