package org.citymaas.billing.documents.control;

import java.io.IOException;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.citymaas.billing.errors.StatementPdfException;

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1, TrueType outlines), parsed once per JVM and embedded in
 * each document as a subset of the glyphs it draws. Text is passed through {@link #drawable(String, Set)}
 * first: a character the font has no glyph for is written as its code point, {@code [U+20000]} (and
 * {@link StatementPdf} logs it), never drawn as an empty box.
 *
 * <p>The parsed font reads its tables lazily from one buffer, so documents that use it take turns:
 * {@link StatementPdf} draws and saves while holding this object's monitor.
 */
public final class CjkFont {

    /** Where the build puts the font on the class path (billing's pom downloads it from the npm registry). */
    public static final String RESOURCE = "/org/citymaas/billing/fonts/400Regular/NotoSansSC_400Regular.ttf";

    private final TrueTypeFont ttf;
    private final CmapLookup cmap;

    private CjkFont(TrueTypeFont ttf) throws IOException {
        // statements need no ligatures or contextual forms, and PDFBox's Latin GSUB pass compiles regular
        // expressions for every text drawn, most of the rendering time in a profile
        ttf.setEnableGsub(false);
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
    }

    private static final class Shared {
        static final CjkFont NOTO_SANS_SC = load();
    }

    /** The font, parsed on first use. */
    public static CjkFont notoSansSc() {
        return Shared.NOTO_SANS_SC;
    }

    private static CjkFont load() {
        try (var in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StatementPdfException("the statement font " + RESOURCE
                        + " is not on the class path; billing's build downloads it at generate-resources");
            }
            return new CjkFont(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())));
        } catch (IOException e) {
            throw new StatementPdfException("could not read the statement font " + RESOURCE, e);
        }
    }

    /** Whether the font has a glyph for the code point. */
    public boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /**
     * The text with every character the font cannot draw replaced by {@code [U+XXXX]}, which are added to
     * missing; control characters become spaces.
     */
    public String drawable(String text, Set<Integer> missing) {
        var out = new StringBuilder(text.length());
        for (var i = 0; i < text.length(); ) {
            var cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (hasGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(codePoint(cp));
                missing.add(cp);
            }
        }
        return out.toString();
    }

    /** How a character without a glyph is written instead: {@code [U+20000]}. */
    public static String codePoint(int codePoint) {
        return String.format("[U+%04X]", codePoint);
    }

    /** The font as a subset to embed in the document (glyphs it draws only, chosen when it is saved). */
    PDType0Font embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, ttf, true);
    }
}
