package org.citymaas.billing.documents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.billing.documents.control.StatementPdfSamples.account;
import static org.citymaas.billing.documents.control.StatementPdfSamples.mixedLines;
import static org.citymaas.billing.documents.control.StatementPdfSamples.statement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.junit.jupiter.api.Test;

/** Rare characters in department names are drawn with their own glyphs; one the font lacks is spelled out. */
class StatementPdfGlyphsTest {

    /** Place-name characters outside everyday use, from the BMP, CJK Extension A (㟃) and Extension E (𬇙). */
    private static final String RARE = "鄞州鄠邑亳州儋州莒县郾城阆中犍为沭阳涪陵荥阳濉溪㟃𬇙数据局";

    /** U+20000 (CJK Extension B) and U+30000 (Extension G): Noto Sans SC has no glyph for either. */
    private static final String LACKING = "𠀀𰀀";

    private final CjkFont font = CjkFont.notoSansSc();
    private final StatementPdf pdf = new StatementPdf(font);

    @Test
    void departmentNameOfRareCharactersIsDrawnWithEveryGlyph() throws IOException {
        assertThat(RARE.codePoints()).allMatch(font::hasGlyph);

        var bytes = pdf.render(statement(
                account(RARE, "Rare Names Bureau"), StatementStatus.ISSUED, "CM-2026-000001", mixedLines(), null));

        var drawn = drawn(bytes);
        assertThat(drawn.text()).contains(RARE).doesNotContain("[U+");
        assertThat(drawn.glyphs()).as("glyph ids of the characters drawn").doesNotContain(0);
    }

    @Test
    void characterTheFontLacksIsWrittenAsItsCodePointAndLogged() throws IOException {
        assertThat(LACKING.codePoints()).noneMatch(font::hasGlyph);
        var warnings = new ArrayList<LogRecord>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        var logger = Logger.getLogger(StatementPdf.class.getName());
        logger.addHandler(handler);
        try {
            var name = "测试" + LACKING + "局";
            var bytes = pdf.render(statement(
                    account(name, "Missing Glyph Bureau"),
                    StatementStatus.ISSUED,
                    "CM-2026-000002",
                    mixedLines(),
                    null));

            var drawn = drawn(bytes);
            assertThat(drawn.text()).contains("测试[U+20000][U+30000]局").doesNotContain(LACKING);
            assertThat(drawn.glyphs()).doesNotContain(0);
            assertThat(warnings).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getParameters()).contains(name, "[U+20000] [U+30000]");
            });
        } finally {
            logger.removeHandler(handler);
        }
    }

    private record Drawn(String text, List<Integer> glyphs) {}

    /** The text and, for every character drawn, the glyph id the embedded font maps its code to (0 is .notdef). */
    private static Drawn drawn(byte[] bytes) throws IOException {
        try (var document = Loader.loadPDF(bytes)) {
            var glyphs = new ArrayList<Integer>();
            var stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    super.processTextPosition(text);
                    var descendant = (PDCIDFontType2) ((PDType0Font) text.getFont()).getDescendantFont();
                    for (var code : text.getCharacterCodes()) {
                        try {
                            glyphs.add(descendant.codeToGID(code));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            };
            return new Drawn(stripper.getText(document), glyphs);
        }
    }
}
