package org.citymaas.portal.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC Regular (OFL-1.1, TrueType outlines, which PDFBox can subset), the font of the city's
 * statements: billing's build downloads it and puts it on the class path, and the WAR holds billing's jar.
 * Parsed once per JVM (10 MB); the parsed font reads its tables lazily from one buffer, so documents
 * that use it take turns ({@link MonthlyReportPdf} draws and saves holding this object's monitor).
 */
final class ReportFont {

    static final String RESOURCE = "/org/citymaas/billing/fonts/400Regular/NotoSansSC_400Regular.ttf";

    private final TrueTypeFont ttf;
    private final CmapLookup cmap;

    private ReportFont(TrueTypeFont ttf) throws IOException {
        // no ligatures or contextual forms needed, and PDFBox's GSUB pass is most of the drawing time
        ttf.setEnableGsub(false);
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
    }

    private static final class Shared {
        static final ReportFont NOTO_SANS_SC = load();
    }

    static ReportFont notoSansSc() {
        return Shared.NOTO_SANS_SC;
    }

    private static ReportFont load() {
        try (var in = ReportFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the report font " + RESOURCE + " is not on the class path; billing's build downloads it");
            }
            return new ReportFont(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report font " + RESOURCE, e);
        }
    }

    /** The text with each character the font cannot draw written as {@code [U+XXXX]}, controls as spaces. */
    String drawable(String text) {
        var out = new StringBuilder(text.length());
        for (var i = 0; i < text.length(); ) {
            var cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("[U+%04X]", cp));
            }
        }
        return out.toString();
    }

    /** The font as a subset to embed in the document (the glyphs it draws, chosen when it is saved). */
    PDType0Font embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, ttf, true);
    }
}
