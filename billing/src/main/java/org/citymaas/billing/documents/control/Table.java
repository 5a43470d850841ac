package org.citymaas.billing.documents.control;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table on the sheet: a two-line header (Chinese, English), one row per entry with each cell's texts
 * wrapped to its column, the header repeated at the top of every page the table continues on, and a row
 * never split across pages.
 */
final class Table {

    /** A column: its header, width in points, and whether its texts align right (numbers). */
    record Column(String zh, String en, float width, boolean right) {}

    private static final float SIZE = 7.5f;
    private static final float LEADING = 9.5f;
    private static final float PAD = 3.5f;
    private static final Color HEADER = new Color(0xDD, 0xE4, 0xEE);
    private static final Color SHADE = new Color(0xF5, 0xF7, 0xFA);

    private final Sheet sheet;
    private final List<Column> columns;

    Table(Sheet sheet, List<Column> columns) {
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
    }

    /** Draws the rows from the cursor on: each row holds, per column, the texts of its cell (one or more lines). */
    void draw(List<List<List<String>>> rows) throws IOException {
        sheet.need(2 * headerHeight());
        header();
        sheet.onNewPage(this::header);
        var shade = false;
        for (var row : rows) {
            row(row, shade);
            shade = !shade;
        }
        sheet.onNewPage(() -> {});
    }

    private static float headerHeight() {
        return 2 * LEADING + 2 * PAD;
    }

    private void header() throws IOException {
        var height = headerHeight();
        sheet.fill(Sheet.LEFT, sheet.y() - height, Sheet.WIDTH, height, HEADER);
        var x = Sheet.LEFT;
        for (var column : columns) {
            cell(x, column, 0, column.zh());
            cell(x, column, 1, column.en());
            x += column.width();
        }
        sheet.down(height);
    }

    private void row(List<List<String>> texts, boolean shade) throws IOException {
        var wrapped = new ArrayList<List<String>>();
        var tallest = 1;
        for (var i = 0; i < columns.size(); i++) {
            var lines = new ArrayList<String>();
            for (var text : i < texts.size() ? texts.get(i) : List.<String>of()) {
                lines.addAll(sheet.wrap(text, SIZE, columns.get(i).width() - 2 * PAD));
            }
            wrapped.add(lines);
            tallest = Math.max(tallest, lines.size());
        }
        var height = tallest * LEADING + 2 * PAD;
        sheet.need(height);
        if (shade) {
            sheet.fill(Sheet.LEFT, sheet.y() - height, Sheet.WIDTH, height, SHADE);
        }
        var x = Sheet.LEFT;
        for (var i = 0; i < columns.size(); i++) {
            var lines = wrapped.get(i);
            for (var n = 0; n < lines.size(); n++) {
                cell(x, columns.get(i), n, lines.get(n));
            }
            x += columns.get(i).width();
        }
        sheet.rule(Sheet.LEFT, Sheet.RIGHT, sheet.y() - height, 0.3f, Color.LIGHT_GRAY);
        sheet.down(height);
    }

    private void cell(float x, Column column, int lineNo, String text) throws IOException {
        var baseline = sheet.y() - PAD - SIZE - lineNo * LEADING;
        if (column.right()) {
            sheet.textRight(x + column.width() - PAD, baseline, SIZE, Color.BLACK, text);
        } else {
            sheet.text(x + PAD, baseline, SIZE, Color.BLACK, text);
        }
    }
}
