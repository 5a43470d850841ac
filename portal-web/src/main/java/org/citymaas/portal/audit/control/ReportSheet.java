package org.citymaas.portal.audit.control;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's A4 pages, written top to bottom with a cursor: facts (label and wrapped value), headings and
 * table rows whose cells wrap in their columns; a table's header repeats on each new page, and the footer
 * with "第 i 页 / 共 n 页" is added once all pages exist. Every text goes through {@link
 * ReportFont#drawable(String)} before it is measured or drawn.
 */
final class ReportSheet {

    static final float LEFT = 40;
    static final float RIGHT = PDRectangle.A4.getWidth() - 40;
    static final float TEXT = 9;
    static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color RED = new Color(0xC0, 0x1E, 0x1E);
    private static final float TOP = PDRectangle.A4.getHeight() - 48;
    private static final float BOTTOM = 56;

    private final PDDocument document;
    private final ReportFont glyphs;
    private final PDType0Font font;
    private PDPageContentStream out;
    private float y;
    private float[] repeatColumns;
    private String[] repeatHeader;

    ReportSheet(PDDocument document, ReportFont glyphs) throws IOException {
        this.document = document;
        this.glyphs = glyphs;
        this.font = glyphs.embedIn(document);
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
