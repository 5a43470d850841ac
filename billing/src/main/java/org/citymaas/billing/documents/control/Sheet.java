package org.citymaas.billing.documents.control;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages written top to bottom: a cursor (the baseline of the next text), a new page when something does
 * not fit (with what must repeat on it, such as a table's header), and page numbers once all pages exist.
 * Every text goes through {@link CjkFont#drawable(String, Set)} before it is measured or drawn.
 */
final class Sheet {

    static final float LEFT = 40;
    static final float RIGHT = PDRectangle.A4.getWidth() - 40;
    static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = PDRectangle.A4.getHeight() - 42;
    private static final float BOTTOM = 52;

    private final PDDocument document;
    private final CjkFont glyphs;
    private final PDType0Font font;
    private PDPageContentStream out;
    private float y;
    private Drawing onNewPage = () -> {};
    private final Set<Integer> missing = new TreeSet<>();

    Sheet(PDDocument document, CjkFont glyphs) throws IOException {
        this.document = document;
        this.glyphs = glyphs;
        this.font = glyphs.embedIn(document);
        newPage();
    }

    /** The cursor's height on the page. */
    float y() {
        return y;
    }

    /** Moves the cursor down. */
    void down(float distance) {
        y -= distance;
    }

    /** Starts a new page unless the height is left above the bottom margin. */
    void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** What to draw at the top of each following page (until replaced). */
    void onNewPage(Drawing repeat) {
        this.onNewPage = repeat;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = TOP;
        onNewPage.draw();
    }

    /** The characters drawn so far that the font has no glyph for (written as their code points instead). */
    Set<Integer> missingGlyphs() {
        return Collections.unmodifiableSet(missing);
    }

    /** Draws the text with its baseline at (x, baseline). */
    void text(float x, float baseline, float size, Color color, String text) throws IOException {
        var drawable = glyphs.drawable(text, missing);
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, baseline);
        out.showText(drawable);
        out.endText();
    }

    /** Draws the text ending at right. */
    void textRight(float right, float baseline, float size, Color color, String text) throws IOException {
        var drawable = glyphs.drawable(text, missing);
        text(right - measure(drawable, size), baseline, size, color, drawable);
    }

    /** The text broken into lines no wider than the width, at spaces where it can, else between characters. */
    List<String> wrap(String text, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        var rest = glyphs.drawable(text, missing).strip();
        while (measure(rest, size) > width) {
            var end = 0;
            var lastSpace = -1;
            while (end < rest.length()) {
                var next = end + Character.charCount(rest.codePointAt(end));
                if (measure(rest.substring(0, next), size) > width) {
                    break;
                }
                if (rest.charAt(end) == ' ') {
                    lastSpace = end;
                }
                end = next;
            }
            var cut = lastSpace > 0 ? lastSpace : Math.max(end, Character.charCount(rest.codePointAt(0)));
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || lines.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }

    private float measure(String drawable, float size) throws IOException {
        return font.getStringWidth(drawable) / 1000 * size;
    }

    /** A horizontal rule across the column range at the height. */
    void rule(float from, float to, float at, float thickness, Color color) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(thickness);
        out.moveTo(from, at);
        out.lineTo(to, at);
        out.stroke();
    }

    /** A filled rectangle, from its lower left corner. */
    void fill(float x, float bottom, float width, float height, Color color) throws IOException {
        out.setNonStrokingColor(color);
        out.addRect(x, bottom, width, height);
        out.fill();
    }

    /** An outlined rectangle, from its lower left corner. */
    void frame(float x, float bottom, float width, float height, float thickness, Color color) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(thickness);
        out.addRect(x, bottom, width, height);
        out.stroke();
    }

    /** Something drawn on the sheet. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    /** Closes the last page and writes "第 i 页 / 共 n 页 Page i of n" and the footer text at each page's foot. */
    void finish(String footer) throws IOException {
        out.close();
        var pages = document.getNumberOfPages();
        for (var i = 0; i < pages; i++) {
            try (var foot = new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND, true, true)) {
                out = foot;
                rule(LEFT, RIGHT, BOTTOM - 12, 0.5f, Color.GRAY);
                text(LEFT, BOTTOM - 26, 7.5f, Color.DARK_GRAY, footer);
                textRight(
                        RIGHT,
                        BOTTOM - 26,
                        7.5f,
                        Color.DARK_GRAY,
                        "第 %d 页 / 共 %d 页  Page %d of %d".formatted(i + 1, pages, i + 1, pages));
            }
        }
    }
}
